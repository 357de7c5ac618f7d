FROM ubuntu:24.04
MAINTAINER Jane Doe <jane@example.com>
RUN useradd -r app
USER app
