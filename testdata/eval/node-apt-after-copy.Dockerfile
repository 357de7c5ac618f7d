# label: root-user
FROM node:18-bullseye
WORKDIR /app
COPY package.json package-lock.json ./
# label: missing-cleanup
RUN npm ci
COPY . .
# label: cache-busting, missing-cleanup
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg imagemagick
EXPOSE 3000
CMD ["node", "index.js"]
