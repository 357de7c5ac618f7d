# syntax=docker/dockerfile:1
FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:0.4 /uv /usr/local/bin/uv
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN <<EOF
set -e
uv sync --frozen --no-dev
uv pip list && uv cache clean
EOF
USER 1000
