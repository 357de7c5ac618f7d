FROM opensuse/leap:15.6
# expect: JL855
RUN zypper install curl && zypper clean --all
USER 1000
CMD ["curl", "--version"]
