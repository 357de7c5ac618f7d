FROM golang:1.23-alpine AS builder
WORKDIR /workspace
# local modules that go.mod's replace directives point at: go mod download needs them
COPY common/client /workspace/common/client
COPY common/types /workspace/common/types
WORKDIR /workspace/api
COPY api/go.mod api/go.sum ./
RUN go mod download
COPY api/pkg ./pkg
COPY api/main.go ./
RUN CGO_ENABLED=0 go build -o /dashboard-api .

FROM scratch
COPY --from=builder /dashboard-api /dashboard-api
USER 65534
ENTRYPOINT ["/dashboard-api"]
