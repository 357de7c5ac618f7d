# syntax=docker/dockerfile:1
FROM ubuntu:22.04
RUN rm -f /etc/apt/apt.conf.d/docker-clean
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt,sharing=locked \
    apt-get update && apt-get install -y --no-install-recommends gcc python3-dev python3-pip
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install uwsgi
RUN useradd -ms /bin/bash web
USER web
CMD ["uwsgi", "--ini", "/etc/uwsgi.ini"]
