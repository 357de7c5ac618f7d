FROM rockylinux:9
RUN dnf -y --setopt=install_weak_deps=False \
# only what the service needs
        install python3 \
    && dnf clean all
USER 1000
CMD ["python3"]
