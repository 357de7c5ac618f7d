FROM opensuse/leap:15.6
RUN zypper --non-interactive install curl && zypper clean --all
USER 1000
CMD ["curl", "--version"]
