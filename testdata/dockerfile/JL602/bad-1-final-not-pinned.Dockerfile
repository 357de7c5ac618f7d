FROM golang:1.22@sha256:829eff99a4b2abffe68f6a3847337bf6455d69d17e49ec1a97dac78834754bd6 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

# expect: JL602 "line 1"
FROM alpine:3.20
COPY --from=build /out/app /usr/local/bin/app
USER nobody
ENTRYPOINT ["app"]
