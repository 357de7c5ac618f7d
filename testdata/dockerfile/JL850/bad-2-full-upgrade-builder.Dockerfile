FROM ubuntu:24.04 AS build
# expect: JL850
RUN apt-get update && apt-get -y full-upgrade && apt-get install -y --no-install-recommends gcc
COPY hello.c /src/
RUN gcc -o /hello /src/hello.c

FROM ubuntu:24.04
COPY --from=build /hello /usr/local/bin/hello
USER ubuntu
CMD ["hello"]
