FROM alpine:3.20
RUN apk add --no-cache \
    # for the health check
        curl
USER nobody
