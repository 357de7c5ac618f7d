FROM alpine:3.19 AS base
RUN apk add --no-cache tini
ENTRYPOINT ["/sbin/tini", "--"]

FROM base
COPY app /usr/local/bin/app
USER nobody
ENTRYPOINT ["/sbin/tini", "--", "/usr/local/bin/app"]
