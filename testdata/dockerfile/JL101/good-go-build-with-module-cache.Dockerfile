# syntax=docker/dockerfile:1
FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
# the module cache survives source changes: go build does not download again
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /out/tool .

FROM scratch
COPY --from=build /out/tool /tool
USER 65534:65534
ENTRYPOINT ["/tool"]
