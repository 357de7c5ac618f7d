FROM alpine:3.20
ARG HELM_VERSION=3.15.2
RUN apk add --no-cache ca-certificates curl
# expect: JL201
RUN curl -fsSLo /tmp/helm.tar.gz "https://get.helm.sh/helm-v${HELM_VERSION}-linux-amd64.tar.gz" \
    && tar -xzf /tmp/helm.tar.gz -C /usr/local/bin --strip-components=1 linux-amd64/helm \
    && rm /tmp/helm.tar.gz \
    && helm version
USER nobody
ENTRYPOINT ["helm"]
