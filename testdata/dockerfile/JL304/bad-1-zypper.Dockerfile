FROM opensuse/leap:15.6
# expect: JL304
RUN zypper --non-interactive refresh && zypper --non-interactive install curl
USER 1000
CMD ["curl", "--version"]
