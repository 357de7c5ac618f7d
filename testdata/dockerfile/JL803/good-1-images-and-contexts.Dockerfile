FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/app .

FROM alpine:3.20
# images and named build contexts that resemble no stage
COPY --from=busybox /bin/busybox /bin/busybox
COPY --from=docs /site /usr/share/doc/app
COPY --from=ghcr.io/example/assets:1.2 /assets /usr/share/app
# a stage name in another case is the same stage
COPY --from=BUILD /out/app /usr/local/bin/app
USER nobody
CMD ["app"]
