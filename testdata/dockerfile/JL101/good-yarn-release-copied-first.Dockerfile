FROM node:22-bookworm-slim
WORKDIR /app
# the yarn release and plugins under .yarn/ are tool files, not the project's source
COPY package.json yarn.lock .yarnrc.yml ./
COPY .yarn/releases/yarn-4.5.1.cjs ./.yarn/releases/
COPY .yarn/plugins/@yarnpkg/plugin-typescript.cjs ./.yarn/plugins/@yarnpkg/
RUN corepack enable && yarn install --immutable
COPY . .
RUN yarn build
USER node
CMD ["node", "dist/main.js"]
