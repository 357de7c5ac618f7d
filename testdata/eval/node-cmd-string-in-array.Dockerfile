FROM node:20-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci && npm cache clean --force
COPY . .
USER node
EXPOSE 3000
# label: entrypoint-cmd
CMD ["npm run start:prod"]
