FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && apt-get clean \
    && rm -rf /var/lib/apt/lists/*
COPY config/ /etc/app/
RUN rm -rf /var/lib/apt/lists/*
USER 1000
CMD ["curl", "--version"]
