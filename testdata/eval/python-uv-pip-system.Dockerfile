FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:latest /uv /usr/local/bin/uv
WORKDIR /srv
COPY requirements.txt .
# label: missing-cleanup
RUN uv pip install --system -r requirements.txt
COPY . .
USER nobody
CMD ["python", "-m", "worker"]
