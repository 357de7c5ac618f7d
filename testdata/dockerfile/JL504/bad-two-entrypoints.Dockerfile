FROM alpine:3.19
RUN apk add --no-cache tini
COPY entrypoint.sh /entrypoint.sh
# expect: JL504 "the ENTRYPOINT on line 7 of the same stage overrides it"
ENTRYPOINT ["/sbin/tini", "--"]
USER nobody
ENTRYPOINT ["/entrypoint.sh"]
