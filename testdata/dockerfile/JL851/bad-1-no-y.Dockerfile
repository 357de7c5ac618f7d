FROM debian:bookworm-slim
# expect: JL851
RUN apt-get update && apt-get install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
USER 1000
CMD ["curl", "--version"]
