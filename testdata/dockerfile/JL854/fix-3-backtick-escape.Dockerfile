# escape=`
FROM fedora:40
RUN dnf remove `
        vim-minimal `
    && dnf clean all
USER 1000
CMD ["bash"]
