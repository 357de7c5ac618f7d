FROM alpine:3.20
RUN addgroup -S app && \
# the user the service runs as
    adduser -S -G app app && \
    mkdir -p /srv/data && \
    chown app:app /srv/data
USER app
