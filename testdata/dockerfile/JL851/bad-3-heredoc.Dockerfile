# syntax=docker/dockerfile:1
FROM ubuntu:24.04
# expect: JL851
RUN <<EOF
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install --no-install-recommends tzdata
rm -rf /var/lib/apt/lists/*
EOF
USER ubuntu
CMD ["date"]
