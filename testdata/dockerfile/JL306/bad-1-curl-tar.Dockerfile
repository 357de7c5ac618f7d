FROM debian:bookworm-slim
ARG NODE_VERSION=20.15.0
# expect: JL306
RUN curl -fsSLO "https://nodejs.org/dist/v${NODE_VERSION}/node-v${NODE_VERSION}-linux-x64.tar.xz" \
    && tar -xJf "node-v${NODE_VERSION}-linux-x64.tar.xz" -C /usr/local --strip-components=1
USER 1000
CMD ["node"]
