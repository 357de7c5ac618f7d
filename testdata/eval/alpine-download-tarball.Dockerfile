FROM alpine:3.18
ARG HELM_VERSION=3.13.2
RUN apk add --no-cache ca-certificates wget
# label: missing-cleanup, unmerged-run
RUN wget https://get.helm.sh/helm-v${HELM_VERSION}-linux-amd64.tar.gz \
    && tar -xzf helm-v${HELM_VERSION}-linux-amd64.tar.gz \
    && mv linux-amd64/helm /usr/local/bin/helm \
    && chmod +x /usr/local/bin/helm
USER nobody
ENTRYPOINT ["helm"]
CMD ["--help"]
