# expect: JL600 "ubuntu:latest"
FROM ubuntu
RUN useradd --system --create-home app
USER app
WORKDIR /home/app
CMD ["bash"]
