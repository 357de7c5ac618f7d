FROM node:20-alpine
WORKDIR /app
COPY . .
# expect: JL503 "the CMD on line 7 of the same stage overrides it"
CMD ["npm", "run", "migrate"]
USER node
CMD ["node", "server.js"]
