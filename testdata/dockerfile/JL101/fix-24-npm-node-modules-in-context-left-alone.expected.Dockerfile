FROM node:20-alpine
WORKDIR /app
# refused: the context has node_modules, which the later COPY . . would copy over what the install makes there
COPY . .
RUN npm ci --omit=dev
CMD ["node", "server.js"]
