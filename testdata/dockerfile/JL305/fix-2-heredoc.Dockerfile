# syntax=docker/dockerfile:1
FROM python:3.12-slim
COPY requirements.txt .
RUN <<EOF
set -e
pip install --upgrade pip
pip install -r requirements.txt
EOF
USER 1000
CMD ["python", "-m", "app"]
