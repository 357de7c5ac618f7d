# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN apk update && apk add bash && rm -rf /var/cache/apk/*
RUN --mount=type=cache,target=/var/cache/apk \
    apk add jq
USER nobody
CMD ["jq", "--version"]
