FROM debian:bookworm-slim
RUN apt-get update && \
    # the TLS roots and curl
    apt-get install -y --no-install-recommends \
        ca-certificates \
        curl
COPY app/ /opt/app/
RUN /opt/app/bin/check \
    && rm -rf /var/lib/apt/lists/*
USER nobody
CMD ["/opt/app/run"]
