FROM node:20-slim AS web
WORKDIR /web
# expect: JL101 "COPY package.json pnpm-lock.yaml ./ and RUN pnpm install --frozen-lockfile"
COPY frontend/ .
RUN corepack enable && pnpm install --frozen-lockfile && pnpm build

FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim
WORKDIR /app
# expect: JL101 "COPY pyproject.toml uv.lock ./ and RUN uv sync --no-install-project"
COPY . .
RUN uv sync --frozen --no-dev --no-cache
COPY --from=web /web/dist ./static
USER 1000
CMD ["uv", "run", "--no-sync", "uvicorn", "app.main:app", "--host", "0.0.0.0"]
