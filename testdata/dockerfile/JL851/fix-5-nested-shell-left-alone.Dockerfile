FROM debian:bookworm-slim
RUN sh -c 'apt-get update && apt-get install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*'
USER 1000
CMD ["curl", "--version"]
