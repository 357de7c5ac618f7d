FROM node:20
WORKDIR /app
# label: cache-busting
COPY . .
# label: cache-busting
ENV NODE_ENV=production
# label: missing-cleanup
RUN npm ci --omit=dev
USER node
CMD ["node", "app.js"]
