FROM alpine:3.20
# apk update writes the index to /var/cache/apk even though apk add uses --no-cache
# expect: JL302
RUN apk update && apk add --no-cache git openssh-client
USER nobody
CMD ["git", "--version"]
