FROM debian:bookworm-slim
ARG NODE_EXPORTER_VERSION=1.7.0
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && curl -fsSL "https://github.com/prometheus/node_exporter/releases/download/v${NODE_EXPORTER_VERSION}/node_exporter-${NODE_EXPORTER_VERSION}.linux-amd64.tar.gz" \
       | tar -xz --strip-components=1 -C /usr/local/bin "node_exporter-${NODE_EXPORTER_VERSION}.linux-amd64/node_exporter" \
    && apt-get purge -y curl \
    && apt-get autoremove -y \
    && rm -rf /var/lib/apt/lists/*
USER nobody
EXPOSE 9100
ENTRYPOINT ["/usr/local/bin/node_exporter"]
