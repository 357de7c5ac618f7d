FROM opensuse/tumbleweed
RUN zypper --non-interactive refresh && \
    # the compilers
    zypper --non-interactive install gcc make
USER nobody
CMD ["make", "--version"]
