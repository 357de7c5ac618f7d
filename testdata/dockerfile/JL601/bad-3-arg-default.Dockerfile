ARG NODE_TAG=latest
# expect: JL601 "ARG NODE_TAG on line 1"
FROM node:${NODE_TAG}
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY . .
USER node
CMD ["node", "server.js"]
