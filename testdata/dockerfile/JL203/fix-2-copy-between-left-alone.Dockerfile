FROM ubuntu:24.04
RUN apt-get update
COPY packages.txt /tmp/packages.txt
RUN xargs -a /tmp/packages.txt apt-get install -y --no-install-recommends \
    && rm -rf /var/lib/apt/lists/*
USER ubuntu
CMD ["bash"]
