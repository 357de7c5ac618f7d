FROM node:22-alpine
WORKDIR /app
COPY package.json package-lock.json ./
# expect: JL702 "GitHub token"
RUN echo "//npm.pkg.github.com/:_authToken=ghp_R2d2C3poL8k9QwErTyUiOpAsDfGhJkLzXcVb" > .npmrc \
    && npm ci --omit=dev && npm cache clean --force && rm .npmrc
COPY . .
USER node
CMD ["node", "server.js"]
