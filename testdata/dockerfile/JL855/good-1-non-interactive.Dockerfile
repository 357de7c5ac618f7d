FROM opensuse/leap:15.6
RUN zypper --non-interactive install curl && zypper clean --all
ENV A=1
RUN zypper -n in git && zypper clean --all
ENV B=2
RUN zypper install -y vim && zypper clean --all
USER 1000
CMD ["curl", "--version"]
