FROM golang:1.22-alpine AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/agent ./cmd/agent

FROM alpine:3.19
RUN apk add --no-cache iptables iproute2 && adduser -D -u 1000 agent
COPY --from=build /out/agent /usr/local/bin/agent
USER agent
HEALTHCHECK CMD ["/usr/local/bin/agent", "health"]
# label: root-user
USER 0
ENTRYPOINT ["/usr/local/bin/agent"]
