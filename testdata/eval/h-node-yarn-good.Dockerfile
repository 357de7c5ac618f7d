FROM node:20-alpine
WORKDIR /usr/src/app
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile --production && yarn cache clean
COPY . .
USER node
EXPOSE 8080
CMD ["node", "dist/index.js"]
