FROM alpine:3.20 AS build
RUN apk add --no-cache --virtual .deps build-base
COPY . /src
RUN make -C /src && apk del .deps

FROM alpine:3.20
COPY --from=build /src/app /usr/local/bin/app
USER nobody
ENTRYPOINT ["/usr/local/bin/app"]
