FROM ubuntu:24.04
RUN apt-get update && \
    apt-get install -y --no-install-recommends \
        # the compiler and make
        build-essential \
        git && \
    rm -rf /var/lib/apt/lists/*
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends jq && \
    rm -rf /var/lib/apt/lists/*
USER ubuntu
