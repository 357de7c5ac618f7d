FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/app .

# a new stage starts over: the builder's WORKDIR does not count here
FROM debian:bookworm-slim
# expect: JL801
WORKDIR ./srv/app
COPY --from=build /out/app .
USER nobody
CMD ["./app"]
