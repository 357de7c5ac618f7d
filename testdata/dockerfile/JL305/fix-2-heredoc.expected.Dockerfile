# syntax=docker/dockerfile:1
FROM python:3.12-slim
COPY requirements.txt .
RUN <<EOF
set -e
pip install --no-cache-dir --upgrade pip
pip install --no-cache-dir -r requirements.txt
EOF
USER 1000
CMD ["python", "-m", "app"]
