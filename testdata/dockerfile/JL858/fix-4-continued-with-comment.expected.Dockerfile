FROM node:20-slim
WORKDIR /app
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile \
    # the production bundle
    && yarn build \
    && yarn cache clean
USER node
CMD ["node", "dist/server.js"]
