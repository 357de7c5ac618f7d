# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends ca-certificates curl
EOF
COPY app/ /opt/app/
RUN <<EOF
rm -rf /var/lib/apt/lists/*
EOF
USER nobody
CMD ["/opt/app/run"]
