# both stages start from untagged images, one of them on another registry
# expect: JL600
FROM golang AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/server ./cmd/server

# expect: JL600 "gcr.io/distroless/static-debian12"
FROM gcr.io/distroless/static-debian12
COPY --from=build /out/server /server
USER 65532
ENTRYPOINT ["/server"]
