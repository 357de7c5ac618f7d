FROM debian:bookworm-slim
RUN <<EOF
set -eux
apt-get update
EOF
RUN apt-get install -y --no-install-recommends curl \
    # the lists are not needed at run time
    && rm -rf /var/lib/apt/lists/*
USER 1000
CMD ["curl", "--version"]
