FROM node:18 AS build
WORKDIR /app
# label: cache-busting
COPY . .
RUN npm install && npm run build

# label: root-user
FROM node:18-alpine
WORKDIR /app
COPY package*.json ./
# label: missing-cleanup
RUN npm ci --production
COPY --from=build /app/dist ./dist
CMD ["node", "dist/main.js"]
