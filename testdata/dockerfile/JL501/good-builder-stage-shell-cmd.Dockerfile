FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /app .
CMD go test ./...

FROM gcr.io/distroless/base-debian12:nonroot
COPY --from=build /app /app
ENTRYPOINT ["/app"]
