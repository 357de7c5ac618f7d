FROM golang:1.22 AS build
WORKDIR /src
# relative after an absolute one: clear enough
WORKDIR cmd/server
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/server .

# built FROM the stage above: its absolute WORKDIR carries over
FROM build AS test
WORKDIR internal
RUN go test ./...

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/server /server
USER nonroot
ENTRYPOINT ["/server"]
