# escape=`
FROM opensuse/leap:15.6
RUN zypper --non-interactive install `
        curl `
        git && `
    zypper clean --all
USER nobody
CMD ["git", "--version"]
