FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
# microdnf does not ask
RUN microdnf install shadow-utils && microdnf clean all

FROM fedora:40
RUN echo "assumeyes=True" >> /etc/dnf/dnf.conf
WORKDIR /work
RUN dnf install git && dnf clean all
USER 1000
CMD ["git", "--version"]
