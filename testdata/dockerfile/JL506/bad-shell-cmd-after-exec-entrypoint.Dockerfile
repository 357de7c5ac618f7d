FROM node:20-alpine
RUN apk add --no-cache tini
WORKDIR /app
COPY . .
USER node
ENTRYPOINT ["/sbin/tini", "--"]
# expect: JL506 "/sbin/tini receives /bin/sh -c"
CMD node server.js
