FROM python:3.12-slim AS base
RUN useradd --uid 10001 app
USER app
WORKDIR /home/app
# expect: JL501
CMD python -m http.server 8000

FROM base
COPY --chown=app static/ ./
