# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends ca-certificates
rm -rf /var/lib/apt/lists/*
# the account the service runs as
useradd --system --no-create-home app
EOF
USER app
CMD ["bash"]
