FROM alpine:3.20
RUN apk add --no-cache \
    # the TLS roots
        ca-certificates \
        curl \
    && update-ca-certificates
USER nobody
