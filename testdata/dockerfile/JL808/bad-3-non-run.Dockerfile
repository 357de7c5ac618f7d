ARG VERSION=3.1.0
ARG BASE=debian:bookworm-slim
FROM ${BASE}
# expect: JL808 "line 1"
LABEL org.opencontainers.image.version="${VERSION}"
# expect: JL808
ENV APP_VERSION=$VERSION
USER nobody
CMD ["bash"]
