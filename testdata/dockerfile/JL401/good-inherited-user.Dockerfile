FROM python:3.12-slim AS base
RUN useradd --uid 10001 app
USER app
WORKDIR /home/app

FROM base
COPY --chown=app main.py .
CMD ["python", "main.py"]
