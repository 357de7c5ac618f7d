FROM debian:bookworm-slim
RUN apt-get update \
    # ca-certificates for HTTPS downloads
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/*

COPY <<EOF /etc/motd
Welcome.

Empty lines in a here-document are content.
EOF
USER nobody
CMD ["bash"]
