FROM node:20-slim
WORKDIR /srv/web
# refused: the context has pnpm-workspace.yaml, whose workspace packages and settings pnpm reads
COPY . .
RUN corepack enable && pnpm install --frozen-lockfile
CMD ["node", "src/server.mjs"]
