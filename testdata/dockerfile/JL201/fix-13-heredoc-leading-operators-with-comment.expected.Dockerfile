FROM debian:bookworm-slim
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl &&
    # the lists are not needed at run time
    rm -rf /var/lib/apt/lists/*
EOF
USER 1000
CMD ["curl", "--version"]
