FROM ubuntu:24.04
# refused: it is written over several lines
MAINTAINER Jane Doe \
# the team alias
    <team@example.com>
USER ubuntu
