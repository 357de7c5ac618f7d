FROM debian:bookworm-slim
RUN apt-get update && \
    # the TLS roots
    apt-get -y install --no-install-recommends ca-certificates && \
    rm -rf /var/lib/apt/lists/*
USER nobody
