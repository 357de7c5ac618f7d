ARG TOOL_VERSION=2.4.1
ARG NODE_VERSION=22
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
ARG TARGETOS TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .

FROM node:${NODE_VERSION}-alpine
ARG TOOL_VERSION
# the node image sets ENV NODE_VERSION itself
# names the script sets itself, and a secret exposed as an environment variable
RUN --mount=type=secret,id=token,env=TOOL_TOKEN echo "node $NODE_VERSION, tool $TOOL_VERSION" > /etc/versions \
    && for TARGETARCH in amd64 arm64; do echo "$TARGETARCH" >> /etc/arches; done \
    && echo "token length ${#TOOL_TOKEN}" > /dev/null
COPY --from=build /out/app /usr/local/bin/app
USER node
CMD ["app"]
