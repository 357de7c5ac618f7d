ARG REGISTRY=docker.io
ARG GO_VERSION=1.22
ARG RUNTIME
FROM --platform=$BUILDPLATFORM ${REGISTRY}/library/golang:${GO_VERSION} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/app .

FROM ${RUNTIME:-gcr.io/distroless/static-debian12:nonroot}
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
