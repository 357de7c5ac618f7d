# expect: JL806 "empty base image"
FROM alpine:3.20 AS scratch
RUN mkdir -p /out && echo ok > /out/status

FROM alpine:3.20
COPY --from=scratch /out/status /status
USER nobody
CMD ["cat", "/status"]
