FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json yarn.lock .yarnrc.yml ./
COPY .yarn/plugins/@yarnpkg/plugin-typescript.cjs ./.yarn/plugins/@yarnpkg/
COPY .yarn/releases/yarn-4.5.1.cjs ./.yarn/releases/
RUN corepack enable && yarn install --immutable
COPY . .
RUN yarn build
CMD ["node", "dist/main.js"]
