# syntax=docker/dockerfile:1
FROM alpine:3.20
run <<EOF
apk add --no-cache curl
RUN not an instruction
EOF
Copy <<EOF /etc/motd
copy this text
EOF
USER nobody
