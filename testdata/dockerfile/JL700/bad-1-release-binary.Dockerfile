FROM alpine:3.20
ARG TINI_VERSION=v0.19.0
# expect: JL700 "--checksum"
ADD --chmod=0755 https://github.com/krallin/tini/releases/download/${TINI_VERSION}/tini-static /sbin/tini
USER nobody
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["sh"]
