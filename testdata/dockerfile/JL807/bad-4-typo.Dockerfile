FROM node:22-alpine
ARG APP_VERSION=2.3.0
# expect: JL807 "$APP_VERSION"
LABEL org.opencontainers.image.version=${APP_VERSON}
WORKDIR /app
COPY . .
USER node
CMD ["node", "index.js"]
