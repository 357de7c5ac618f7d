FROM alpine:3.20 AS base
RUN apk add --no-cache ca-certificates

FROM base AS final
# a stage's own index and a mount from itself
# expect: JL804
COPY --from=1 /etc/ssl /etc/ssl-copy
# expect: JL804 "RUN --mount"
RUN --mount=type=bind,from=FINAL,source=/etc,target=/mnt/etc ls /mnt/etc > /tmp/etc.txt
USER nobody
CMD ["sh"]
