FROM node:18-alpine

WORKDIR /app

COPY package.json yarn.lock ./
# label: missing-cleanup
RUN yarn install --frozen-lockfile --production

COPY src ./src
COPY tsconfig.json .

USER node
EXPOSE 8080
CMD ["node", "src/index.js"]
