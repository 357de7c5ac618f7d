FROM alpine:3.20
# expect: JL302
RUN apk add ca-certificates tzdata
USER nobody
CMD ["date"]
