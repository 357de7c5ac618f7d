FROM node:20-bullseye-slim
WORKDIR /srv/app
COPY package*.json ./
RUN npm ci --only=production && npm cache clean --force
COPY . .
USER node
# label: entrypoint-cmd
ENTRYPOINT node index.js
CMD ["--port", "8080"]
