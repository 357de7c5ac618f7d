FROM node:16-alpine
WORKDIR /usr/app
COPY package.json .
# label: cache-busting
COPY src/ ./src
# label: missing-cleanup
RUN npm install --production
USER node
EXPOSE 5000
CMD ["node", "src/app.js"]
