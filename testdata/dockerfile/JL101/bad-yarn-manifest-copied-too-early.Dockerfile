FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json yarn.lock ./
# the manifests are in, but the install comes after the source
# expect: JL101 "RUN yarn install --frozen-lockfile before this COPY"
COPY . .
RUN yarn install --frozen-lockfile
RUN yarn build

FROM nginx:1.25-alpine
COPY --from=build /app/dist /usr/share/nginx/html
USER nginx
CMD ["nginx", "-g", "daemon off;"]
