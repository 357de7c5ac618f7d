# syntax=docker/dockerfile:1
FROM node:20-slim
WORKDIR /app
COPY package.json yarn.lock ./
RUN <<EOF
yarn install --frozen-lockfile --production
EOF
COPY . .
USER node
CMD ["node", "server.js"]
