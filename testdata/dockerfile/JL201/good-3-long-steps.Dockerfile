FROM debian:bookworm-slim
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends ca-certificates curl gnupg; \
	rm -rf /var/lib/apt/lists/*
RUN set -eux; \
	curl -fsSL -o /usr/local/bin/tini https://github.com/krallin/tini/releases/download/v0.19.0/tini; \
	chmod +x /usr/local/bin/tini; \
	tini --version
USER 1000
ENTRYPOINT ["/usr/local/bin/tini", "--"]
CMD ["bash"]
