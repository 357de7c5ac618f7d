FROM alpine:3.20
# expect: JL901 "org.opencontainers.image.authors"
MAINTAINER Jane Doe <jane@example.com>
USER nobody
CMD ["true"]
