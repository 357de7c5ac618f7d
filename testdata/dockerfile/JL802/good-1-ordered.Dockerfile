FROM node:22-alpine AS assets
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM alpine:3.20 AS tools
RUN apk add --no-cache jq

FROM nginx:1.27-alpine
COPY --from=assets /src/dist /usr/share/nginx/html
COPY --from=0 /src/package.json /usr/share/nginx/package.json
COPY --from=nginx:1.27-alpine /etc/nginx/nginx.conf /etc/nginx/nginx.conf.orig
RUN --mount=type=bind,from=tools,source=/usr/bin/jq,target=/usr/local/bin/jq \
    jq --version > /tmp/jq-version
USER nginx
