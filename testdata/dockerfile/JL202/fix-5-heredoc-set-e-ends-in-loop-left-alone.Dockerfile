# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
RUN <<EOF
set -eux
apt-get update
for pkg in ca-certificates curl; do
  apt-get install -y --no-install-recommends "$pkg"
  dpkg -s "$pkg" > /dev/null
done
EOF
COPY app/ /opt/app/
# refused: set -e may be in effect
RUN rm -rf /var/lib/apt/lists/*
USER nobody
CMD ["/opt/app/run"]
