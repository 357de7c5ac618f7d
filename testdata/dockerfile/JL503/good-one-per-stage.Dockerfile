FROM node:20-alpine AS dev
WORKDIR /app
USER node
CMD ["npm", "run", "dev"]

FROM dev AS prod
CMD ["node", "server.js"]
