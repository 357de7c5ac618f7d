FROM debian:bookworm-20240701-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
USER 1000
CMD ["bash"]
