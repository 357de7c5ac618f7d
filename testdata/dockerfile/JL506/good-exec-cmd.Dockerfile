FROM node:20-alpine
RUN apk add --no-cache tini
WORKDIR /app
COPY . .
USER node
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["node", "server.js"]
