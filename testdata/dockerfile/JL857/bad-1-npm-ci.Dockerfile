FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
# expect: JL857
RUN npm ci --omit=dev
COPY . .
USER node
CMD ["node", "server.js"]
