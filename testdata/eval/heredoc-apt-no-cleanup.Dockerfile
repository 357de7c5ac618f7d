# syntax=docker/dockerfile:1.4
# label: root-user
FROM debian:12-slim
# label: missing-cleanup
RUN <<EOT
set -eux
apt-get update
apt-get install -y --no-install-recommends ca-certificates curl gnupg
install -m 0755 -d /etc/apt/keyrings
EOT
COPY entrypoint.sh /usr/local/bin/
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
