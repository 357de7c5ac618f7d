FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY fetch.sh /usr/local/bin/fetch.sh
# installs what it removes itself (curl was there already, so this RUN adds no files for it)
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && fetch.sh \
    && apt-get purge -y curl && rm -rf /var/lib/apt/lists/*
USER 1000
CMD ["bash"]
