FROM alpine:3.20 AS first
# expect: JL802
COPY --from=1 /etc/os-release /tmp/other-release
# expect: JL802
RUN --mount=type=bind,from=tools,source=/usr/local/bin/jq,target=/usr/local/bin/jq \
    jq --version > /tmp/jq-version

FROM alpine:3.20 AS tools
RUN apk add --no-cache jq

FROM first
USER nobody
CMD ["cat", "/tmp/jq-version"]
