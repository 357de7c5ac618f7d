FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

# starting FROM scratch is fine, naming a stage after it is not
FROM scratch AS release
COPY --from=build /out/app /app
USER 65532
ENTRYPOINT ["/app"]
