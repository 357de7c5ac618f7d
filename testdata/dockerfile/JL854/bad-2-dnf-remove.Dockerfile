FROM fedora:40
# expect: JL854
RUN dnf -y install git && dnf remove vim-minimal && dnf clean all
USER 1000
CMD ["git", "--version"]
