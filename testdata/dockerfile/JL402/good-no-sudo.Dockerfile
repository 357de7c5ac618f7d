FROM ubuntu:22.04
# installing the sudo package, or looking for it, is not running it
RUN apt-get update \
    && apt-get install -y --no-install-recommends sudo \
    && rm -rf /var/lib/apt/lists/* \
    && command -v sudo
# expect: JL201
RUN useradd --create-home dev && echo "dev ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev
USER dev
CMD ["bash"]
