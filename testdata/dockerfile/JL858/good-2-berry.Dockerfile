FROM node:20-bookworm-slim
WORKDIR /app
RUN corepack enable
COPY package.json yarn.lock .yarnrc.yml ./
COPY .yarn ./.yarn
RUN yarn install --immutable
COPY . .
USER node
CMD ["yarn", "node", "index.js"]
