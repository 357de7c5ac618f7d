FROM node:20-alpine
ENV NODE_ENV=production
RUN addgroup -S app && adduser -S -G app app \
    && npm install -g pm2@5.3.1 && npm cache clean --force
WORKDIR /app
COPY --chown=app:app package*.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --chown=app:app . .
USER app
EXPOSE 3000
CMD ["pm2-runtime", "server.js"]
