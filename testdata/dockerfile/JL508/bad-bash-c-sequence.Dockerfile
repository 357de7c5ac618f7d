FROM node:20-slim
WORKDIR /srv
COPY . .
USER node
# expect: JL508 "\"node scripts/wait-for-db.js; exec node server.js\""
ENTRYPOINT ["bash", "-c", "node scripts/wait-for-db.js; node server.js"]
