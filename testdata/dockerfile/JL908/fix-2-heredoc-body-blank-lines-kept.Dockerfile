# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN <<EOF
apk add --no-cache curl

apk add --no-cache jq
EOF
RUN mkdir -p /a \

    /b
USER nobody
