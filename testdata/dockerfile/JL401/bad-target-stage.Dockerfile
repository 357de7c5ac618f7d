FROM python:3.12-slim AS prod
RUN useradd --uid 10001 app
USER app
CMD ["python", "-m", "app"]

# with the default target (the last stage) this one is built
FROM prod AS debug
# expect: JL401
USER root
RUN pip install --no-cache-dir debugpy==1.8.1
