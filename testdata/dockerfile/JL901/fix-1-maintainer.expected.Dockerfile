FROM ubuntu:24.04
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
RUN useradd -r app
USER app
