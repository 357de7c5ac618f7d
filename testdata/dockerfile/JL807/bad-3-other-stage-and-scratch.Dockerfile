FROM golang:1.22 AS build
ARG VERSION=1.0.0
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -ldflags "-X main.version=${VERSION}" -o /out/app .

FROM scratch
# the ARG lives in the build stage only
# expect: JL807 "another stage"
LABEL org.opencontainers.image.version=$VERSION
# nothing can define it in a stage FROM scratch
# expect: JL807 "starts from scratch"
COPY --from=build /out/app /bin/$APP_NAME
USER 65532
ENTRYPOINT ["/bin/app"]
