# syntax=docker/dockerfile:1.7
FROM python:3.12-slim
# expect: JL301
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends libpq5
EOF
COPY requirements.txt /app/
RUN pip install --no-cache-dir -r /app/requirements.txt
COPY app/ /app/
USER nobody
CMD ["python", "/app/main.py"]
