# the final stage is built FROM "base", whose image is not pinned: its layers ship
# expect: JL602
FROM debian:bookworm-slim AS base
RUN useradd --system app

FROM gcr.io/distroless/static-debian12@sha256:3f2b64ef97bd285e36132c684e6b2ae8f2723293d09aae046196cca64251acac AS unused

FROM base
COPY app /usr/local/bin/app
USER app
ENTRYPOINT ["app"]
