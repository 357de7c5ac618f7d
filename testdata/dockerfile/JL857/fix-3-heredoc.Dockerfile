# syntax=docker/dockerfile:1
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN <<EOF
set -e
npm ci --omit=dev
npm audit signatures
EOF
COPY . .
USER node
CMD ["node", "server.js"]
