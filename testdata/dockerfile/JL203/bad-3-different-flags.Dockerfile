# syntax=docker/dockerfile:1
FROM debian:bookworm
# expect: JL203
RUN set -eux; apt-get update
RUN --mount=type=cache,target=/var/cache/apt \
    apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*
USER 1000
CMD ["gcc", "--version"]
