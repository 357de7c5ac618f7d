# escape=`
FROM opensuse/tumbleweed
RUN zypper in `
        curl `
    && zypper clean --all
USER 1000
CMD ["curl", "--version"]
