# A multi-stage build with heredocs, mounts and flags: the training input of the start-up archive.
ARG GO_VERSION=1.22
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build
RUN apk add git
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/root/.cache/go-build \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download
COPY . .
RUN <<EOT sh
set -eu
CGO_ENABLED=0 go build -o /out/app ./cmd/app
EOT
COPY <<-"EOF2" /out/config.yaml
	listen: ":8080"
EOF2

FROM node:20-slim AS assets
WORKDIR /web
COPY package.json package-lock.json ./
RUN npm ci && npm cache clean --force
COPY web/ .
RUN npm run build

FROM gcr.io/distroless/static:nonroot
COPY --from=build --chown=65532:65532 --chmod=0755 /out/app /app
COPY --from=assets /web/dist /srv/www
ONBUILD RUN echo "child build"
STOPSIGNAL SIGTERM
VOLUME ["/data"]
USER 65532:65532
ENTRYPOINT ["/app"]
CMD ['serve']
