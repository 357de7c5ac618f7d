FROM postgres:16-alpine AS pg

FROM python:3.12-slim
ENV PIP_NO_CACHE_DIR=1
COPY --from=pg /usr/local/bin/pg_dump /usr/local/bin/pg_dump
RUN useradd --system --no-create-home backup
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY docker-entrypoint.sh /usr/local/bin/
COPY backup/ ./backup/
USER backup
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["python", "-m", "backup", "--schedule", "daily"]
