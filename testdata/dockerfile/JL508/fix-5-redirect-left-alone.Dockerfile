FROM node:20-alpine
WORKDIR /app
COPY . .
USER node
CMD ["sh", "-c", "node server.js >> /tmp/server.log"]
