FROM alpine:3.19
RUN apk add --no-cache tini
COPY entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/sbin/tini", "--"]
USER nobody
# expect: JL504 "already has an ENTRYPOINT on line 4"
ENTRYPOINT ["/entrypoint.sh"]
