FROM debian:bookworm
# with docker-clean removed, the downloaded .deb files stay as well
RUN rm -f /etc/apt/apt.conf.d/docker-clean
# expect: JL301, JL201
RUN apt-get update && apt-get install -y --no-install-recommends jq \
    && rm -rf /var/lib/apt/lists/*
USER 1000
CMD ["jq", "--version"]
