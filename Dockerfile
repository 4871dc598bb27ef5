# One image for every role; ROLES picks what a container runs (api, worker, trainer).
# Node 24 is the Active LTS; every native dependency (sharp, PGlite, jieba) supports it.

# The web app (Vite) and the server (tsc) are built with dev dependencies, which the image does not keep.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --include=dev
COPY . .
RUN npm run build:web && npm run build:server
# What the compiled server reads at run time, beside the JavaScript: it finds them from package.json's directory.
RUN mkdir /runtime \
  && cp -r --parents package.json dist web/dist models/migrations api/schema/*/*.graphql /runtime

# Production dependencies alone, in a stage of their own so that a source change does not reinstall them.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --omit=dev

FROM node:24-bookworm-slim
# ffmpeg and ffprobe for the worker's video jobs.
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 DATA_DIR=/app/data
# The code stays root's, read-only to the server. DATA_DIR (the embedded database) and its media/ (MEDIA_DIR)
# are the node user's: a named volume mounted on either takes this ownership when it is first created.
RUN mkdir -p /app/data/media && chown -R node:node /app/data
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /runtime ./
USER node
EXPOSE 4000
# Only the api role serves HTTP; a worker or trainer container has nothing to ask here (docker-compose.yml
# checks those reach Redis).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD ["node", "-e", "if (!(process.env.ROLES ?? 'api').includes('api')) process.exit(0); fetch(`http://127.0.0.1:${process.env.PORT}/readyz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1));"]
# The flags of `npm start`, measured under feed load (docs/benchmarks.md): collection on the main thread,
# as helper threads took the cores the API processes serve on, and a larger young generation, as the API
# allocates fast and scavenges were a fifth of its CPU.
CMD ["node", "--single-threaded-gc", "--max-semi-space-size=32", "--initial-old-space-size=256", "dist/main.js"]
