# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN <<EOF
apk add --no-cache curl
RUN not an instruction
EOF
COPY <<EOF /etc/motd
copy this text
EOF
USER nobody
