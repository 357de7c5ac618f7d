FROM mycompany/debian-base:12
# no apt-get update here: the lists (if any) came with the base image, not with this layer
RUN apt-get install -y --no-install-recommends ./vendor/tool.deb || true
USER 1000
CMD ["tool"]
