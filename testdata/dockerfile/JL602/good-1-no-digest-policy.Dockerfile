# nothing in this file is pinned by digest: the author has not chosen that policy
FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/app .

FROM alpine:3.20
COPY --from=build /out/app /usr/local/bin/app
USER nobody
ENTRYPOINT ["app"]
