FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends sudo ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd -m -s /bin/bash dev \
    && echo "dev ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev
USER dev
WORKDIR /home/dev
# label: root-user
RUN sudo mkdir -p /opt/tools && sudo chown dev /opt/tools
COPY --chown=dev tools/ /opt/tools/
CMD ["bash"]
