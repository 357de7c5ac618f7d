# expect: JL806 "build context"
FROM busybox:1.36 AS context
COPY . /ctx

FROM alpine:3.20
COPY --from=context /ctx/config.yaml /etc/app/config.yaml
USER nobody
CMD ["sh"]
