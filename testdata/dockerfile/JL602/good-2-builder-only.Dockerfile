# the unpinned stage is a builder whose layers never reach the image
FROM node:22-alpine AS assets
WORKDIR /web
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM nginx:1.27-alpine@sha256:65645c7bb6a0661892a8b03b89d0743208a18dd2f3f17a54ef4b76fb8e2f2a10
COPY --from=assets /web/dist /usr/share/nginx/html
USER nginx
