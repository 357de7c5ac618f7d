FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN apt-get install -y --no-install-recommends git
RUN rm -rf /var/lib/apt/lists/*
USER nobody
