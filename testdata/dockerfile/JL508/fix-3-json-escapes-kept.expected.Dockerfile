FROM node:20-alpine
WORKDIR /srv
COPY . .
USER node
CMD ["sh","-c","  exec node \"/srv/my app/server.js\" --port=\u0038080"]
