FROM node:22-alpine
ENV APP_DIR=app
# the value is known, and relative
# expect: JL801
WORKDIR ${APP_DIR}
COPY . .
USER node
CMD ["node", "index.js"]
