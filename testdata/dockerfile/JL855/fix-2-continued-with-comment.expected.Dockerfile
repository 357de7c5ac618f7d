FROM opensuse/leap:15.6
RUN zypper refresh \
# git for the build
    && zypper --non-interactive --quiet install --no-recommends git \
    && zypper clean --all
USER 1000
CMD ["git", "--version"]
