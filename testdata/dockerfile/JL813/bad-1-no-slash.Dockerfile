FROM node:22-alpine
WORKDIR /app
# expect: JL813 "/app/"
COPY package.json package-lock.json /app
RUN npm ci && npm cache clean --force
COPY . .
USER node
CMD ["node", "server.js"]
