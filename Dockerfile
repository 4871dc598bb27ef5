# One image for every role; ROLES picks what a container runs (api, worker, trainer).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# ffmpeg and ffprobe for the worker's video jobs.
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# The web app is built with Vite, a dev dependency: install everything, build, then drop the dev dependencies.
RUN npm ci --no-audit --no-fund --include=dev
COPY . .
RUN npm run build:web && npm prune --omit=dev --no-audit --no-fund
EXPOSE 4000
# The flags of `npm start`, measured under feed load (docs/benchmarks.md): collection on the main thread,
# as helper threads took the cores the API processes serve on, and a larger young generation, as the API
# allocates fast and scavenges were a fifth of its CPU.
CMD ["node", "--single-threaded-gc", "--max-semi-space-size=32", "--initial-old-space-size=256", "--import", "tsx", "main.ts"]
