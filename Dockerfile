# One image for every role; ROLES picks what a container runs (api, worker, trainer).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
EXPOSE 4000
CMD ["npx", "tsx", "main.ts"]
