ARG BASE_IMAGE=python:3.11-slim
FROM ${BASE_IMAGE}
ARG APP_VERSION=dev
ARG PIP_INDEX_URL
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir --index-url "${PIP_INDEX_URL:-https://pypi.org/simple}" -r requirements.txt
COPY . .
ENV APP_VERSION=${APP_VERSION}
LABEL org.opencontainers.image.version=${APP_VERSION}
USER 65534
CMD ["python", "-m", "service"]
