FROM alpine:3.20
# an inline suppression, in hadolint's spelling: JL901 is hadolint's DL4000
# hadolint ignore=DL4000
MAINTAINER Jane Doe <jane@example.com>
USER nobody
CMD ["true"]
