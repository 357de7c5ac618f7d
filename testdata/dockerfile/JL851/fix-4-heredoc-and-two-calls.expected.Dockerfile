FROM ubuntu:24.04
RUN <<EOF
apt-get update
apt-get upgrade -y
apt-get install -y --no-install-recommends tzdata
rm -rf /var/lib/apt/lists/*
EOF
USER ubuntu
CMD ["bash"]
