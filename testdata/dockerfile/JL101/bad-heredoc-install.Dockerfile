# syntax=docker/dockerfile:1
FROM python:3.12-slim
WORKDIR /app
# expect: JL101 "pip install --no-cache-dir -r requirements.txt"
COPY . .
RUN <<EOT
set -e
python -m pip install --no-cache-dir -r requirements.txt
python -m compileall -q .
EOT
USER 1000
CMD ["python", "main.py"]
