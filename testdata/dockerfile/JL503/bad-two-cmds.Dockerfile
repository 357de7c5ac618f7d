FROM node:20-alpine
WORKDIR /app
COPY . .
CMD ["npm", "run", "migrate"]
USER node
# expect: JL503 "already has a CMD on line 4"
CMD ["node", "server.js"]
