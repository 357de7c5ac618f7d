FROM golang:1.21
# below /go/src, but Go 1.16+ builds in module mode: go build downloads the go.mod dependencies
WORKDIR /go/src/app
# expect: JL101 "go mod download"
COPY . .
RUN go build -o /usr/local/bin/app ./cmd/server
USER 1000
CMD ["app"]
