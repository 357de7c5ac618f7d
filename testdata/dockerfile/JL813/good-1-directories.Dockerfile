FROM node:22-alpine
ARG DEST
WORKDIR /app
COPY package.json package-lock.json ./
COPY tsconfig.json babel.config.js .
COPY scripts/a.sh scripts/b.sh /usr/local/bin/
COPY docs/one.md docs/two.md ${DEST}
# one source with a wildcard, and a single file renamed
COPY *.json /app/config
COPY README.md /app/README.txt
RUN npm ci && npm cache clean --force
USER node
CMD ["node", "server.js"]
