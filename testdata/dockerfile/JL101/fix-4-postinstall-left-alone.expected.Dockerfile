FROM node:20-alpine
WORKDIR /app
COPY . .
RUN npm ci
USER node
CMD ["node", "index.js"]
