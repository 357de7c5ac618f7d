FROM fedora:40
# the clean runs before the install, so the metadata of the install stays
# expect: JL303
RUN dnf clean all && dnf -y install python3-pip
USER 1000
CMD ["python3"]
