# syntax=docker/dockerfile:1
FROM opensuse/leap:15.6
RUN <<EOF
zypper --non-interactive refresh
zypper --non-interactive install curl
EOF
USER nobody
CMD ["curl", "--version"]
