FROM golang:1.22 AS build
WORKDIR /compose/hello
# a single file without go.mod has no modules to download
COPY main.go main.go
RUN CGO_ENABLED=0 go build -o backend main.go

FROM scratch
COPY --from=build /compose/hello/backend /usr/local/bin/backend
USER 65534
CMD ["/usr/local/bin/backend"]
