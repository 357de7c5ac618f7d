FROM golang:1.20
# GOPATH mode on purpose: no module downloads
ENV GO111MODULE=off
WORKDIR /go/src/github.com/example/legacy
COPY . .
RUN go install ./...
USER 1000
CMD ["legacy"]
