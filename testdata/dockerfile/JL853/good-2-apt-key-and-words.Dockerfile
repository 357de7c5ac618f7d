FROM ubuntu:24.04
RUN echo "apt install is for people" > /etc/motd && ls /etc/apt
USER ubuntu
CMD ["cat", "/etc/motd"]
