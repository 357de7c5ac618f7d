# escape=`
FROM fedora:40
RUN dnf install -y `
        git `
        make
USER 1000
CMD ["make", "--version"]
