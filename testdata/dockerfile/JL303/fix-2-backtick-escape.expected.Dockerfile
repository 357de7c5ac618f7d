# escape=`
FROM fedora:40
RUN dnf install -y `
        git `
        make && `
    dnf clean all
USER 1000
CMD ["make", "--version"]
