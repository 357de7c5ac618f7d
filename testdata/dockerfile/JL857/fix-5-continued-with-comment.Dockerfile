FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && \
    # the process manager
    npm install -g pm2@5.4.0
COPY . .
USER node
CMD ["pm2-runtime", "server.js"]
