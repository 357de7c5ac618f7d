FROM node:20.11-alpine3.19
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY . .
RUN npm run build
USER node
CMD ["node", "dist/server.js"]
