# ARG-driven FROM: a default with a tag, an ARG without default (set with --build-arg), a platform ARG
ARG GO_VERSION=1.22
ARG ALPINE_VERSION=3.20
ARG RUNTIME_IMAGE
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine${ALPINE_VERSION} AS build
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .

FROM ${RUNTIME_IMAGE}
COPY --from=build /out/app /usr/local/bin/app
USER 65532
ENTRYPOINT ["app"]
