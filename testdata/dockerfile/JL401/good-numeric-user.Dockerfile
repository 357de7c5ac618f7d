FROM alpine:3.19
RUN apk add --no-cache ca-certificates
COPY --chown=10001:10001 app /usr/local/bin/app
USER 10001:10001
ENTRYPOINT ["/usr/local/bin/app"]
