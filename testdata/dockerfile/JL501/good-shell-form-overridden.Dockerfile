FROM node:20-alpine AS dev
WORKDIR /app
USER node
CMD npm run dev

# the built stage's own exec-form CMD is the one that counts
FROM dev AS prod
CMD ["node", "server.js"]
