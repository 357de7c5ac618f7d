# escape=`
FROM opensuse/tumbleweed
RUN zypper --non-interactive in `
        curl `
    && zypper clean --all
USER 1000
CMD ["curl", "--version"]
