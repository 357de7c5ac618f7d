ARG TOOL_VERSION=2.4.1
FROM alpine:3.20
# expect: JL808 "ARG TOOL_VERSION"
RUN wget -q "https://example.com/releases/tool-${TOOL_VERSION}.tar.gz" -O /tmp/tool.tgz \
    && tar -xzf /tmp/tool.tgz -C /usr/local/bin && rm /tmp/tool.tgz
USER nobody
CMD ["tool"]
