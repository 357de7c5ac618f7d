# syntax=docker/dockerfile:1
FROM node:20-alpine
# expect: JL302
RUN <<EOF
apk upgrade
apk add --virtual .gyp python3 make g++
EOF
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY . .
USER node
CMD ["node", "server.js"]
