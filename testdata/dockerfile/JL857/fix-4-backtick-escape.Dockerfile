# escape=`
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci `
        --omit=dev `
        --ignore-scripts
COPY . .
USER node
CMD ["node", "server.js"]
