FROM debian:bookworm-slim
# the lists from apt-get update stay in this layer: nothing removes them
# expect: JL301
RUN apt-get update && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl
COPY entrypoint.sh /usr/local/bin/entrypoint.sh
USER 1000
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
