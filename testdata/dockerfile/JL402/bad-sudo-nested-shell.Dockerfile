FROM python:3.12-slim AS base
RUN useradd --create-home app
USER app

FROM base
# expect: JL402
RUN if [ "$(id -u)" -ne 0 ]; then sudo sh -c 'pip install --no-cache-dir uv==0.1.35'; fi
CMD ["python"]
