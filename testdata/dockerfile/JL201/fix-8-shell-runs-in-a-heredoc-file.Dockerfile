FROM alpine:3.20
RUN <<EOF
addgroup -S app
adduser -S -G app app
EOF
COPY app /srv/app
RUN mkdir -p /srv/data && \
    # the data folder belongs to the service
    chown app:app /srv/data

RUN chmod 0750 /srv/data
USER app
CMD ["/srv/app"]
