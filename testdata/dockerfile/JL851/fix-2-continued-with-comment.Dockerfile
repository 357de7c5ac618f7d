FROM debian:bookworm-slim
RUN apt-get update \
# the build tools
    && apt-get install \
        --no-install-recommends \
        build-essential \
    && rm -rf /var/lib/apt/lists/*
USER 1000
CMD ["make", "--version"]
