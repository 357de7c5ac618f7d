FROM alpine:3.20
RUN apk update && \
    # the TLS roots
    apk add ca-certificates && \
    # and git for the build
    apk add git && \
    rm -rf /var/cache/apk/*
USER nobody
