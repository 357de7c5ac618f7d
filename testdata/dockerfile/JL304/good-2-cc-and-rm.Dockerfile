FROM opensuse/leap:15.6
RUN zypper -n in git && zypper cc -a
WORKDIR /work
RUN zypper -n in vim && rm -rf /var/cache/zypp
USER 1000
CMD ["git", "--version"]
