FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:0.4 /uv /usr/local/bin/uv
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev \
    # the server is not a project dependency
    && uv pip install gunicorn==22.0.0 \
    && uv cache clean
USER 1000
