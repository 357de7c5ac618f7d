FROM node:20-alpine AS source
WORKDIR /app
# the install happens in a stage built FROM this one: it still re-runs on every source change
# expect: JL101 "npm ci, line"
COPY . .

FROM source AS deps
RUN npm ci

FROM deps AS build
RUN npm run build

FROM nginx:1.25-alpine
COPY --from=build /app/dist /usr/share/nginx/html
USER nginx
CMD ["nginx", "-g", "daemon off;"]
