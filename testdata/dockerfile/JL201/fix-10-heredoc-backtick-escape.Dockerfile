# escape=`
FROM alpine:3.20
RUN <<EOF
apk add --no-cache curl
EOF
RUN mkdir -p /data/in `
    /data/out
USER nobody
CMD ["sh"]
