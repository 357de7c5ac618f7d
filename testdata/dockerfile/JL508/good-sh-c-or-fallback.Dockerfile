FROM alpine:3.20
COPY app /usr/local/bin/app
USER nobody
CMD ["sh", "-c", "test -f /config/app.yaml || cp /defaults/app.yaml /config/ && exec app --config /config/app.yaml"]
