# expect: JL601
FROM docker.io/library/golang:latest AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/app .

# expect: JL601 "ghcr.io/example/runtime"
FROM ghcr.io/example/runtime:latest
COPY --from=build /out/app /app
USER 1000
ENTRYPOINT ["/app"]
