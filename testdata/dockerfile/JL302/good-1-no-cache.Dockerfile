FROM alpine:3.20
RUN apk add --no-cache ca-certificates tzdata
USER nobody
CMD ["date"]
