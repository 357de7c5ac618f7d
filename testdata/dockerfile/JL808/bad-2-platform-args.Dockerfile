FROM --platform=$BUILDPLATFORM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# expect: JL808 "$TARGETOS, $TARGETARCH"
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .

FROM alpine:3.20
# expect: JL808 "TARGETARCH"
COPY --from=build /out/app /usr/local/bin/app-${TARGETARCH}
USER nobody
CMD ["sh"]
