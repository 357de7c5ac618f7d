FROM ubuntu:24.04
# expect: JL306
RUN curl -fsSL -o /tmp/session-manager-plugin.deb https://s3.amazonaws.com/session-manager-downloads/plugin/latest/ubuntu_64bit/session-manager-plugin.deb \
    && dpkg -i /tmp/session-manager-plugin.deb
USER ubuntu
CMD ["session-manager-plugin"]
