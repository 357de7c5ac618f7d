FROM --platform=$BUILDPLATFORM golang:1.22 \
    # the build runs on the builder's platform
    as build
WORKDIR /src
COPY . .
RUN go build -o /out/app .

FROM alpine:3.20
COPY --from=build /out/app /app
USER nobody
