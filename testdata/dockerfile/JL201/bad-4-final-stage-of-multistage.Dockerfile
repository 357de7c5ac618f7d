FROM golang:1.22 AS build
WORKDIR /src
RUN go env -w GOFLAGS=-mod=mod
RUN git config --global advice.detachedHead false
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM alpine:3.20
RUN addgroup -S app
# expect: JL201
RUN adduser -S -G app app
COPY --from=build /out/app /usr/local/bin/app
USER app
ENTRYPOINT ["/usr/local/bin/app"]
