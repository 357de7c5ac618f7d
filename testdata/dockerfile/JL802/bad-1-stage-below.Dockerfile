FROM nginx:1.27-alpine
# expect: JL802 "'assets' (line 9)"
COPY --from=assets /src/dist /usr/share/nginx/html
USER nginx
HEALTHCHECK CMD ["wget", "-qO-", "http://localhost/"]

# the stage used above is defined here, below its user
# hadolint would say DL3022
FROM node:22-alpine AS assets
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci && npm cache clean --force
COPY . .
RUN npm run build
USER node
