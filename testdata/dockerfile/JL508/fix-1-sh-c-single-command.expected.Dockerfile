FROM node:20-alpine
WORKDIR /app
COPY . .
USER node
CMD ["sh", "-c", "exec node server.js"]
