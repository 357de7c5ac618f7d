# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN --mount=type=cache,target=/etc/apk/cache \

    <<EOF
apk add curl

apk add jq
EOF
USER nobody
