FROM node:20-bookworm-slim
USER root
RUN apt-get update \
    && apt-get install -y --no-install-recommends dumb-init \
    && rm -rf /var/lib/apt/lists/*
USER node
WORKDIR /home/node/app
COPY --chown=node:node package*.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --chown=node:node . .
ENTRYPOINT ["dumb-init", "--"]
CMD ["node", "server.js"]
