FROM node:20-bookworm-slim
WORKDIR /app
RUN groupadd --system app \
    && useradd --system --gid app --home-dir /app app \
    && mkdir -p /app/data && chown app:app /app/data
COPY --chown=app:app package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --chown=app:app . .
USER app
CMD ["node", "server.js"]
