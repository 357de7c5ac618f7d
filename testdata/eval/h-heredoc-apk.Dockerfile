# syntax=docker/dockerfile:1
FROM alpine:3.20
# label: missing-cleanup
RUN <<EOF
set -e
apk add curl jq
adduser -D bot
EOF
COPY bot.sh /usr/local/bin/bot.sh
USER bot
CMD ["/usr/local/bin/bot.sh"]
