FROM node:20-alpine
WORKDIR /usr/src/app
COPY --chown=node:node . .
RUN yarn install --frozen-lockfile --production && yarn cache clean
USER node
CMD ["node", "src/index.js"]
