FROM debian:bookworm-slim
ENV TOOL_VERSION=3.4.1
# expect: JL306
RUN cd /tmp \
    && curl -fsSL -o tool.tgz "https://example.com/tool-${TOOL_VERSION}.tgz" \
    && mkdir -p /opt/tool \
    && tar -C /opt/tool -xzf /tmp/tool.tgz \
    && rm -f tool.tar.gz
USER 1000
CMD ["/opt/tool/bin/tool"]
