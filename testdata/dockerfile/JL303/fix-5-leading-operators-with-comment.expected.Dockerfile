FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
RUN microdnf install -y shadow-utils \
    # the account the service runs as
    && useradd -r app \
    && microdnf clean all
USER app
