FROM python:3.12-slim AS base
RUN pip install gunicorn==22.0.0

FROM base AS final
COPY app/ /app/
# the cache is in the layer of the base stage, which the final image is built on
# expect: JL202
RUN rm -rf /root/.cache/pip
USER nobody
CMD ["gunicorn", "app:app"]
