FROM python:3.12-slim
WORKDIR /srv
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app/ app/
USER 1000
entrypoint gunicorn \
    --bind 0.0.0.0:8000 \
    'app.main:create_app()'
