FROM golang:1.22-bookworm AS build
WORKDIR /src
# builder stage: its lists never reach the image, no finding here
RUN apt-get update && apt-get install -y --no-install-recommends protobuf-compiler
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/server ./cmd/server

FROM debian:bookworm-slim
# the final stage is what ships
# expect: JL301
RUN apt-get update && apt-get install -y --no-install-recommends tzdata
COPY --from=build /out/server /usr/local/bin/server
USER 65532
ENTRYPOINT ["/usr/local/bin/server"]
