FROM fedora:40
RUN dnf install --assumeyes git && dnf clean all
ENV LANG=C.UTF-8
# expect: JL854
RUN dnf --setopt=install_weak_deps=False install make && dnf clean all
COPY app /opt/app
USER 1000
CMD ["/opt/app/run"]
