FROM registry.access.redhat.com/ubi9/ubi:9.4
RUN dnf -y --disableplugin=subscription-manager install python3.11 \
    && dnf clean --disableplugin=subscription-manager all
USER 1001
CMD ["python3.11"]
