# escape=`
FROM alpine:3.20
RUN mkdir -p /data/in `
    /data/out && `
    chmod 0775 /data/in
USER nobody
