FROM node:22-bookworm-slim
WORKDIR /app
COPY . .
RUN corepack enable && yarn install --immutable
RUN yarn build
CMD ["node", "dist/main.js"]
