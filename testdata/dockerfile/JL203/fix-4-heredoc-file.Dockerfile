# jlint global ignore=JL201
FROM alpine:3.20
RUN <<EOF
apk update
EOF
RUN apk add --no-cache curl
USER nobody
CMD ["curl", "--version"]
