FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl ca-certificates build-essential \
    && rm -rf /var/lib/apt/lists/*
COPY vendor/ /usr/src/vendor/
RUN make -C /usr/src/vendor install
# expect: JL204 "removes build-essential and curl (`apt-get purge …`)", JL201
RUN apt-get purge -y --auto-remove build-essential curl
USER 1000
CMD ["/usr/local/bin/tool"]
