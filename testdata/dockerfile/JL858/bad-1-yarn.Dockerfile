FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json yarn.lock ./
# expect: JL858
RUN yarn install --frozen-lockfile --production
COPY . .
USER node
CMD ["node", "index.js"]
