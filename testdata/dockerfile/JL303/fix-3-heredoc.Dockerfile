# syntax=docker/dockerfile:1
FROM rockylinux:9
RUN <<EOF
set -e
dnf install -y python3-pip
pip3 install --no-cache-dir requests
EOF
USER 1000
CMD ["python3", "-c", "import requests"]
