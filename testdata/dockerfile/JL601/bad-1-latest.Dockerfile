# expect: JL601 "alpine:latest"
FROM alpine:latest
RUN apk add --no-cache tini
USER nobody
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["sh"]
