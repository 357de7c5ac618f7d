FROM alpine:3.20
RUN apk add --no-cache \
    curl \

    jq
# the next one has a blank line with spaces
RUN mkdir -p /a \
   
    /b
USER nobody
