FROM golang:1.22 AS build
RUN useradd --uid 10001 builder
USER builder
WORKDIR /home/builder/src
COPY --chown=builder go.mod go.sum ./
RUN go mod download
COPY --chown=builder . .
RUN CGO_ENABLED=0 go build -o /home/builder/app .

# the builder's USER does not carry over: the final stage starts from alpine, which runs as root
# expect: JL401 "alpine:3.19 runs as root by default"
FROM alpine:3.19
COPY --from=build /home/builder/app /usr/local/bin/app
ENTRYPOINT ["/usr/local/bin/app"]
