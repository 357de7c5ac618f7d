FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl
COPY config/ /etc/app/
# expect: JL202
RUN rm -rf /var/lib/apt/lists/*
USER 1000
CMD ["curl", "--version"]
