# escape=`
FROM opensuse/leap:15.6
RUN zypper --non-interactive install `
        curl `
        git
USER nobody
CMD ["git", "--version"]
