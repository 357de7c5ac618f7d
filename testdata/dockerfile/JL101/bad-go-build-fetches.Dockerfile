FROM golang:1.22-alpine3.19 AS build
WORKDIR /go-app
# go build downloads every module again after any source change
# expect: JL101 "go mod download"
COPY --chown=1000:1000 ./ ./
RUN CGO_ENABLED=0 go build -o /bin/svc .

FROM alpine:3.19
COPY --from=build /bin/svc /usr/local/bin/svc
USER 65534
ENTRYPOINT ["/usr/local/bin/svc"]
