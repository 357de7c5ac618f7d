# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN <<EOF
apk add --no-cache curl ca-certificates
update-ca-certificates
EOF
USER nobody
