FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
# expect: JL303
RUN microdnf install -y --nodocs --setopt=install_weak_deps=0 shadow-utils tar gzip
USER 1001
CMD ["bash"]
