FROM alpine:3.19
WORKDIR /src
COPY . .
# build tools exist only while the source is compiled, in one layer: they cannot move above the COPY
RUN apk add --no-cache --virtual .build-deps gcc make musl-dev \
    && make && make install \
    && apk del .build-deps
USER nobody
CMD ["/usr/local/bin/tool"]
