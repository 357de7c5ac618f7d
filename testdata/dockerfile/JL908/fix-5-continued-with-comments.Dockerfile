FROM debian:bookworm-slim
RUN apt-get update && \
    # the TLS roots

    apt-get install -y --no-install-recommends ca-certificates && \

    # the lists are not needed at run time
    rm -rf /var/lib/apt/lists/*
USER nobody
