FROM node:20-alpine
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev
COPY . .
USER node
CMD ["node", "server.js"]
