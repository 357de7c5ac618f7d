FROM alpine:3.20
run apk add --no-cache \
    # for the health check
        curl
USER nobody
