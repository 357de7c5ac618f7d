# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
# refused: set -e may be in effect
RUN <<EOF
set -e
apt-get update
if [ "$(dpkg --print-architecture)" = amd64 ]; then
  apt-get install -y --no-install-recommends libc6-i386
  ldconfig
fi
EOF
USER nobody
