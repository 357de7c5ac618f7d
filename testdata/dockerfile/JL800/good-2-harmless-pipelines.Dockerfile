FROM debian:bookworm-slim
ENV TOOL_SHA256=5d5b7e27f1e43b3a4b0f5b6d0b1c1f6d3f4e0e2c8a7a2b9c6d1e0f3a4b5c6d7e
# echo and printf cannot fail; grep, a decompressing tar and sha256sum -c fail on missing input;
# head would make pipefail fail on SIGPIPE; inventory pipelines are expected to fail partly;
# a pipeline tested with || or in an if is handled on purpose
RUN set -eux; \
    echo "deb http://deb.debian.org/debian bookworm-backports main" | tee /etc/apt/sources.list.d/backports.list; \
    printf '%s\n' 'path-exclude /usr/share/doc/*' | tee /etc/dpkg/dpkg.cfg.d/nodoc; \
    { echo 'Package: *'; echo 'Pin: release a=bookworm-backports'; echo 'Pin-Priority: 100'; } > /etc/apt/preferences.d/backports; \
    echo "$TOOL_SHA256  /usr/local/bin/tool" | sha256sum -c - || true; \
    locale -a | grep -q 'C.utf8'; \
    find /usr/local -type f -executable -exec ldd '{}' ';' \
        | awk '/=>/ { print $(NF-1) }' | sort -u | xargs -r dpkg-query --search | cut -d: -f1 | sort -u \
        | xargs -r apt-mark manual; \
    dpkg -l | awk '/^ii/ { print $2 }' > /tmp/packages.txt; \
    ls -1 /etc | head -n 3; \
    if curl -fsS https://example.com/health | grep -q ok; then echo up; fi; \
    wget -qO- https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin; \
    yes | apt-get autoremove --purge || true
USER nobody
CMD ["bash"]
