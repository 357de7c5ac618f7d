FROM node:20-alpine AS builder
WORKDIR /app
# label: cache-busting
COPY . .
RUN yarn install --frozen-lockfile
RUN yarn build

# label: root-user
FROM nginx:1.27-alpine
COPY --from=builder /app/dist /usr/share/nginx/html
COPY default.conf /etc/nginx/conf.d/default.conf
