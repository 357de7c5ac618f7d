FROM node:20-bookworm-slim
WORKDIR /app
RUN groupadd --system app
# expect: JL201
RUN useradd --system --gid app --home-dir /app app
# comments between RUNs do not separate them
# expect: JL201
RUN mkdir -p /app/data && chown app:app /app/data
COPY --chown=app:app package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --chown=app:app . .
USER app
CMD ["node", "server.js"]
