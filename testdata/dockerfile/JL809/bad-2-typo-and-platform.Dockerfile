ARG REGISTRY=registry.example.com
ARG GO_VERSION=1.22
# expect: JL809 "$GO_VERSION"
FROM ${REGISTRY}/golang:${GO_VERSON} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/app .

# expect: JL809 "PLATFORM"
FROM --platform=$PLATFORM ${REGISTRY}/alpine:3.20
COPY --from=build /out/app /usr/local/bin/app
USER nobody
CMD ["app"]
