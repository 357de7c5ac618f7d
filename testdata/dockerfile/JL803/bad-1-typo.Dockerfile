FROM golang:1.22 AS builder
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM gcr.io/distroless/static-debian12:nonroot
# expect: JL803 "--from=builder"
COPY --from=buidler /out/app /app
ENTRYPOINT ["/app"]
