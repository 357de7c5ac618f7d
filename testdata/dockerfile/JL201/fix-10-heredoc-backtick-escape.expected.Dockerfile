# escape=`
FROM alpine:3.20
RUN <<EOF
apk add --no-cache curl &&
mkdir -p /data/in \
    /data/out
EOF
USER nobody
CMD ["sh"]
