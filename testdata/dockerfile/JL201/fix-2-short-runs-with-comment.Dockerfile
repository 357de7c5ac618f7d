FROM alpine:3.20
RUN addgroup -S app
# the user the service runs as
RUN adduser -S -G app app
RUN mkdir -p /srv/data

RUN chown app:app /srv/data
USER app
