FROM node:20-alpine
WORKDIR /usr/src/app
# refused: yarn install may rewrite yarn.lock, which the later COPY . . would replace with the context's copy (add --frozen-lockfile)
COPY . .
RUN yarn install
CMD ["node", "src/index.js"]
