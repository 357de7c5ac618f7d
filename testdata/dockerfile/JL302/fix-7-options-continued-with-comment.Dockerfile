FROM alpine:3.20
RUN apk add \
    # the TLS roots
        ca-certificates \
        curl \
    && update-ca-certificates
USER nobody
