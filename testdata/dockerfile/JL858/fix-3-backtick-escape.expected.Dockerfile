# escape=`
FROM node:20-slim
WORKDIR /app
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile `
    && yarn build `
    && yarn cache clean
USER node
CMD ["node", "dist/server.js"]
