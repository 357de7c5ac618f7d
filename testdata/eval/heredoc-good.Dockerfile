# syntax=docker/dockerfile:1
FROM ubuntu:24.04
RUN <<EOF bash
set -euo pipefail
apt-get update
apt-get install -y --no-install-recommends python3 python3-venv
rm -rf /var/lib/apt/lists/*
useradd --create-home app
EOF
WORKDIR /home/app
COPY --chown=app:app requirements.txt .
RUN python3 -m venv .venv && .venv/bin/pip install --no-cache-dir -r requirements.txt
COPY --chown=app:app . .
USER app
CMD [".venv/bin/python", "main.py"]
