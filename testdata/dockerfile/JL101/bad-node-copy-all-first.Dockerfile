FROM node:20.11-alpine3.19
WORKDIR /app
# the whole context lands before npm ci: any edit to a source file re-installs node_modules
# expect: JL101 "COPY package.json package-lock.json ./ and RUN npm ci --omit=dev before this COPY"
COPY . .
RUN npm ci --omit=dev && npm cache clean --force
USER node
EXPOSE 3000
CMD ["node", "server.js"]
