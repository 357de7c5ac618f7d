# label: root-user
FROM alpine:3.19
# label: missing-cleanup
RUN apk update && apk add curl jq bash
COPY check.sh /usr/local/bin/check.sh
ENTRYPOINT ["/usr/local/bin/check.sh"]
