FROM python:3.12-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 GREETING="hello world"
LABEL org.opencontainers.image.title="demo" org.opencontainers.image.version=1.0
ARG BUILD_DATE
USER nobody
CMD ["python3"]
