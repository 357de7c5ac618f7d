FROM golang:1.22-alpine AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /bin/api ./cmd/api

FROM alpine:3.20
RUN apk add --no-cache ca-certificates
# label: unmerged-run
RUN adduser -D -H app
COPY --from=build /bin/api /usr/local/bin/api
USER app
ENTRYPOINT ["api"]
