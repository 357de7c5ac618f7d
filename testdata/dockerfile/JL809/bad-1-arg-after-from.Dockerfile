# expect: JL809 "line 3"
FROM node:${NODE_VERSION}-alpine
ARG NODE_VERSION=22
WORKDIR /app
COPY . .
USER node
CMD ["node", "index.js"]
