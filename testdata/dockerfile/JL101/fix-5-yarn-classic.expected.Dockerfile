FROM node:20-alpine
WORKDIR /usr/src/app
COPY --chown=node:node package.json yarn.lock .yarnrc ./
RUN yarn install --frozen-lockfile --production && yarn cache clean
COPY --chown=node:node . .
USER node
CMD ["node", "src/index.js"]
