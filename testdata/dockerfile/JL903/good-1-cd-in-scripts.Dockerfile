FROM debian:bookworm-slim AS work
# cd in the middle of a long script, into a temporary directory, into a directory removed afterwards,
# into a mount of the RUN, into /etc, in a subshell
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates; \
    rm -rf /var/lib/apt/lists/*; \
    cd /usr/local/share; \
    ls > /tmp/share.txt
RUN cd /tmp && echo build > marker.txt
RUN cd /usr/src/tool && ./configure && make install && cd / && rm -rf /usr/src/tool
RUN --mount=type=cache,target=/var/cache/build cd /var/cache/build && touch stamp
RUN cd /etc/apt && ls > /tmp/apt.txt
RUN (cd /opt && ls > /tmp/opt.txt)
RUN cd "$HOME" && ls -a > /tmp/home.txt

# the RUNs above are in a builder stage whose layers never reach the image
FROM debian:bookworm-slim
COPY --from=work /tmp/home.txt /tmp/home.txt
USER nobody
CMD ["bash"]
