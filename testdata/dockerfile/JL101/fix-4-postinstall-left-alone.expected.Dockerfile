FROM node:20-alpine
WORKDIR /app
# refused: package.json runs a postinstall script
COPY . .
RUN npm ci
USER node
CMD ["node", "index.js"]
