FROM debian:bookworm-slim
ARG APT_OPTS="-y --no-install-recommends"
RUN apt-get update && apt-get install $APT_OPTS ca-certificates && rm -rf /var/lib/apt/lists/*
USER 1000
CMD ["bash"]
