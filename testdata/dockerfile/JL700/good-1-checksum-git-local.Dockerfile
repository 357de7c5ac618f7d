# syntax=docker/dockerfile:1.7
FROM alpine:3.20
ADD --checksum=sha256:c5b0666b4cb676901f90dfcb37106783c5fe2077b04590973b885950611b30ee --chmod=0755 \
    https://github.com/krallin/tini/releases/download/v0.19.0/tini-static /sbin/tini
# a git source is pinned by its ref, not by a checksum of a file
ADD https://github.com/moby/buildkit.git#v0.14.1 /src/buildkit
ADD --keep-git-dir=true git@github.com:example/private.git /src/private
# a local archive, unpacked on purpose
ADD rootfs.tar.gz /
USER nobody
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["sh"]
