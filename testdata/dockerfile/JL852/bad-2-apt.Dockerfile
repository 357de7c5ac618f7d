FROM ubuntu:24.04
# expect: JL852, JL853
RUN apt update && apt install -y git && rm -rf /var/lib/apt/lists/*
USER ubuntu
CMD ["git", "--version"]
