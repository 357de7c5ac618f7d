FROM node:22-bookworm-slim
WORKDIR /app
# refused: the context has .yarn/cache
COPY . .
RUN corepack enable && yarn install --immutable
CMD ["yarn", "node", "src/main.js"]
