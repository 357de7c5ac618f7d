FROM node:20-alpine
WORKDIR /app
# refused: moving the install needs the build context (jlint fix --context DIR)
COPY . .
RUN npm ci --omit=dev
CMD ["node", "server.js"]
