# ADD does not unpack remote archives, and does not check them either
FROM debian:bookworm-slim
# expect: JL700
ADD https://downloads.example.org/tool/tool-1.2.3-linux-amd64.tar.gz /tmp/tool.tar.gz
RUN tar -xzf /tmp/tool.tar.gz -C /usr/local/bin && rm /tmp/tool.tar.gz
USER nobody
CMD ["tool"]
