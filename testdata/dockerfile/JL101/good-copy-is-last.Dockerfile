FROM python:3.12-alpine
RUN apk add --no-cache libpq
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt \
    && adduser -D -u 10001 app
USER app
COPY --chown=app:app . .
CMD ["python", "-m", "worker"]
