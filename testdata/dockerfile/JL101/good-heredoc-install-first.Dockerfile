# syntax=docker/dockerfile:1
FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt requirements-dev.txt ./
RUN <<EOT
set -e
pip install --no-cache-dir -r requirements.txt
pip install --no-cache-dir -r requirements-dev.txt
EOT
COPY . .
RUN python -m pytest -q
USER 1000
CMD ["python", "main.py"]
