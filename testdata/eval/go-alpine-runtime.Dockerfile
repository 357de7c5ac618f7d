FROM golang:1.21-alpine AS builder
RUN apk add --no-cache git
WORKDIR /app
COPY go.mod ./
COPY go.sum ./
# label: cache-busting
COPY . .
RUN go build -o main .

# label: root-user
FROM alpine:3.18
# label: missing-cleanup
RUN apk update && apk add ca-certificates tzdata
WORKDIR /root/
COPY --from=builder /app/main .
EXPOSE 8080
# label: entrypoint-cmd
CMD ./main
