FROM debian:bookworm-slim
# a plain upgrade that pulls security fixes is a legitimate choice
RUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*
USER 1000
CMD ["bash"]
