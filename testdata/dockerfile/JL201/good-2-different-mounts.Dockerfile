# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN --mount=type=cache,target=/root/.cache/pip pip install --upgrade pip
RUN --mount=type=secret,id=netrc,target=/root/.netrc pip install --no-cache-dir private-package==2.1.0
RUN --network=none python -c "import private_package"
USER nobody
CMD ["python"]
