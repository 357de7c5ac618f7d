# syntax=docker/dockerfile:1
# jlint global ignore=JL201
FROM debian:bookworm
RUN apt-get update
RUN --mount=type=cache,target=/var/cache/apt \
    apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*
USER 1000
CMD ["gcc", "--version"]
