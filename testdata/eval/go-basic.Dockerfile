# label: root-user
FROM golang:1.21

WORKDIR /go/src/app
# label: cache-busting
COPY . .

RUN go build -o /usr/local/bin/app ./cmd/server

EXPOSE 8080
CMD ["app"]
