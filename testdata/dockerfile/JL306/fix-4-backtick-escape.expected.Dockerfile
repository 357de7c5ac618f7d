# escape=`
FROM debian:bookworm-slim
RUN curl -fsSLo /tmp/helm.tar.gz https://get.helm.sh/helm-v3.15.0-linux-amd64.tar.gz `
    && tar -xzf /tmp/helm.tar.gz -C /usr/local/bin --strip-components=1 linux-amd64/helm `
    && rm -f /tmp/helm.tar.gz
USER nobody
