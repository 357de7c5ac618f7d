# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
RUN <<EOF
set -e
apt-get update
apt-get install -y curl
rm -rf /var/lib/apt/lists/*
EOF
USER nobody
CMD ["curl", "--version"]
