FROM node:18
WORKDIR /app
COPY package.json package-lock.json ./
# label: missing-cleanup
RUN npm ci
COPY . .
# label: cache-busting, missing-cleanup
RUN npm install -g pm2
USER node
EXPOSE 3000
CMD ["pm2-runtime", "ecosystem.config.js"]
