FROM debian:bookworm-slim
# expect: JL850
RUN apt-get update && apt-get dist-upgrade -y && rm -rf /var/lib/apt/lists/*
USER 1000
CMD ["bash"]
