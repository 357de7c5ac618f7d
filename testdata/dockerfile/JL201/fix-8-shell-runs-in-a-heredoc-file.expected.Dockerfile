FROM alpine:3.20
RUN <<EOF
addgroup -S app
adduser -S -G app app
EOF
COPY app /srv/app
RUN <<EOF
mkdir -p /srv/data &&
    # the data folder belongs to the service
    chown app:app /srv/data &&
chmod 0750 /srv/data
EOF
USER app
CMD ["/srv/app"]
