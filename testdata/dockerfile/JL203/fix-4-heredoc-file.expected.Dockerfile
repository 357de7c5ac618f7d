# jlint global ignore=JL201
FROM alpine:3.20
RUN <<EOF
apk update &&
apk add --no-cache curl
EOF
USER nobody
CMD ["curl", "--version"]
