# syntax=docker/dockerfile:1
FROM golang:1.22-bookworm AS build
WORKDIR /src
# a builder stage's cache matters too
# expect: JL101 "COPY go.mod go.sum ./ and RUN go mod download"
COPY . .
RUN go mod download
RUN CGO_ENABLED=0 go build -trimpath -o /out/api ./cmd/api

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/api /api
ENTRYPOINT ["/api"]
