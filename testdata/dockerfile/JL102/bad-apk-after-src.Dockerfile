FROM node:20-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY src ./src
# expect: JL102 "runs after src is copied"
RUN apk add --no-cache tini
USER node
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["node", "src/index.js"]
