FROM golang:1.22 AS build-env_2
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/app .

FROM alpine:3.20
COPY --from=BUILD-ENV_2 /out/app /usr/local/bin/app
USER nobody
CMD ["app"]
