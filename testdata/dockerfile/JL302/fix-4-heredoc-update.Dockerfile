# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN <<EOF
set -eux
apk update
apk add --no-cache git
EOF
USER nobody
