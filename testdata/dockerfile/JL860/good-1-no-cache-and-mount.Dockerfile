# syntax=docker/dockerfile:1
FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:0.4.20 /uv /bin/uv
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev
RUN uv pip install --system --no-cache gunicorn==22.0.0
COPY . .
USER nobody
CMD ["/app/.venv/bin/python", "-m", "app"]
