FROM ubuntu:24.04
RUN apt-get update && \
    apt-get install -y --no-install-recommends \
        # the compiler and make
        build-essential \
        git
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends jq
USER ubuntu
