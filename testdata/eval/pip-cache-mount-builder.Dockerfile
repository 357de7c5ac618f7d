FROM python:3.11 AS builder
RUN apt-get update && apt-get install -y build-essential
RUN apt-get install -y libxml2-dev libxslt1-dev
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM python:3.11-slim
COPY --from=builder /wheels /wheels
RUN --mount=type=cache,target=/root/.cache/pip pip install /wheels/*
RUN rm -rf /wheels
WORKDIR /app
COPY . .
# label: cache-busting
RUN useradd app
USER app
CMD ["python", "-m", "app"]
