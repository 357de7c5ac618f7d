# syntax=docker/dockerfile:1
FROM fedora:40
RUN --mount=type=cache,target=/var/cache/dnf \
    dnf -y install git
USER 1000
CMD ["git", "--version"]
