# syntax=docker/dockerfile:1
FROM registry.suse.com/bci/bci-base:15.6
# expect: JL304
RUN <<EOF
set -e
zypper -n install --no-recommends python311
EOF
USER 1000
CMD ["python3.11"]
