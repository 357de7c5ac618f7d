FROM debian:bookworm-slim
ARG INSTALL_SHA256=0000000000000000000000000000000000000000000000000000000000000000
RUN curl -fsSLo /tmp/install.sh https://get.example.com/install-1.2.3.sh \
    && echo "${INSTALL_SHA256}  /tmp/install.sh" | sha256sum -c - \
    && sh /tmp/install.sh \
    && rm /tmp/install.sh
USER 1000
CMD ["example"]
