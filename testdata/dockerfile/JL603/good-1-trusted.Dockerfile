# official images, the internal registry, the trusted organisation, scratch and stage references
ARG BASE_REGISTRY
FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/app .

FROM registry.example.com/platform/base:7 AS base
FROM ghcr.io/example-org/tools:1.0 AS tools
FROM ${BASE_REGISTRY}/unknown:1 AS unresolved

FROM scratch
COPY --from=build /out/app /app
COPY --from=base /etc/passwd /etc/passwd
USER 65532
ENTRYPOINT ["/app"]
