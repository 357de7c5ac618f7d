FROM node:20-alpine AS build
WORKDIR /site
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile
COPY public ./public
COPY src ./src
RUN yarn build

FROM nginx:1.25-alpine
COPY --from=build /site/build /usr/share/nginx/html
USER nginx
CMD ["nginx", "-g", "daemon off;"]
