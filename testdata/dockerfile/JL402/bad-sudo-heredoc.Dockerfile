# syntax=docker/dockerfile:1
FROM ubuntu:22.04
RUN useradd --create-home dev && apt-get update \
    && apt-get install -y --no-install-recommends sudo \
    && rm -rf /var/lib/apt/lists/*
USER dev
# expect: JL402
RUN <<EOT
mkdir -p /home/dev/.config
sudo chown -R dev:dev /opt
EOT
CMD ["bash"]
