# escape=`
FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:0.4 /uv /usr/local/bin/uv
WORKDIR /app
COPY requirements.txt ./
RUN uv pip install --system `
        -r requirements.txt && `
    uv cache clean
USER 1000
