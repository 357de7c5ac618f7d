FROM debian:bookworm-slim
ENV GOSU_VERSION=1.17
RUN set -eux; \
	tmp="$(mktemp -d)"; \
	cd "$tmp"; \
	wget -O gosu.tgz "https://example.com/gosu-$GOSU_VERSION.tgz"; \
	tar -xzf gosu.tgz; \
	mv gosu /usr/local/bin/; \
	cd /; \
	rm -rf "$tmp"
# expect: JL201
RUN curl -fsSL -o /usr/local/bin/jq https://example.com/jq-1.7-linux64 && chmod +x /usr/local/bin/jq
USER 1000
CMD ["gosu", "--version"]
