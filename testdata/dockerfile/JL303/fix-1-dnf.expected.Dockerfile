FROM fedora:40
RUN dnf install -y python3-pip \
    && pip3 install --no-cache-dir requests \
    && dnf clean all
USER 1000
