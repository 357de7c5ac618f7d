FROM golang:1.21 AS build
WORKDIR /app
COPY go.mod go.sum ./
# label: cache-busting
COPY . .
RUN go mod download && CGO_ENABLED=0 go build -o server .

FROM gcr.io/distroless/base-debian12
COPY --from=build /app/server /server
USER nonroot:nonroot
ENTRYPOINT ["/server"]
