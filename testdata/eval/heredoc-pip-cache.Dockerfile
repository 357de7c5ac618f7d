# syntax=docker/dockerfile:1
FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
# label: missing-cleanup
RUN <<EOF
pip install --upgrade pip
pip install -r requirements.txt
EOF
COPY . .
USER 1000
CMD ["python", "worker.py"]
