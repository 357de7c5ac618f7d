FROM debian:trixie-slim
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends ca-certificates netbase tzdata; \
	apt-get dist-clean
USER 1000
CMD ["date"]
