# syntax=docker/dockerfile:1.7
FROM alpine:3.20 AS base
# archives ADD unpacks
ADD alpine-minirootfs-3.20.3-x86_64.tar.gz /rootfs
ADD vendor.tgz /opt/vendor
ADD data.tar.zst /srv/data
# remote sources
ADD --checksum=sha256:c5b0666b4cb676901f90dfcb37106783c5fe2077b04590973b885950611b30ee \
    https://github.com/krallin/tini/releases/download/v0.19.0/tini-static /sbin/tini
ADD https://github.com/moby/buildkit.git#v0.14.1 /src/buildkit
# names jlint cannot see: an ARG without default and a bare wildcard
ARG BUNDLE
ADD ${BUNDLE} /opt/bundle/
ADD dist/* /opt/dist/

FROM base
USER nobody
CMD ["sh"]
