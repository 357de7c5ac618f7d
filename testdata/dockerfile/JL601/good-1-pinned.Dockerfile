# latest pinned by digest does not move; versioned tags and a "latest"-looking repository name are fine
FROM alpine:latest@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d AS fetch
RUN apk add --no-cache ca-certificates

FROM example/latest-tools:2.1 AS tools

FROM debian:bookworm-slim@sha256:ca3372ce30b03a591ec573ea975ad8b0ecaf0eb17a354416741f8001bbcae33d
COPY --from=fetch /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=tools /usr/local/bin/tool /usr/local/bin/tool
USER nobody
CMD ["tool"]
