FROM alpine:3.20 AS build
RUN apk add build-base
WORKDIR /src
COPY hello.c .
RUN gcc -static -o /hello hello.c

FROM scratch
COPY --from=build /hello /hello
USER 65534
ENTRYPOINT ["/hello"]
