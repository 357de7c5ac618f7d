FROM ubuntu:24.04
# a package of the base image: nothing of this Dockerfile made it, nothing to merge
RUN apt-get purge -y --auto-remove unattended-upgrades \
    && useradd --create-home app
USER app
CMD ["bash"]
