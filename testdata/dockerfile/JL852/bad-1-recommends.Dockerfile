FROM debian:bookworm-slim
# expect: JL852
RUN apt-get update && apt-get install -y python3 python3-pip && rm -rf /var/lib/apt/lists/*
USER 1000
CMD ["python3"]
