FROM ubuntu:24.04
ARG PKGS="git openssh-client"
# apt-get clean empties /var/cache/apt, not /var/lib/apt/lists
# expect: JL301
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $PKGS \
    && apt-get clean
USER ubuntu
CMD ["bash"]
