FROM debian:bookworm-slim
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://example.com/tool-1.0.tgz | tar -xz -C /usr/local/bin \
    && wget -qO- https://example.com/other-2.0.tar.gz | tar -xzf - -C /opt
USER 1000
CMD ["tool"]
