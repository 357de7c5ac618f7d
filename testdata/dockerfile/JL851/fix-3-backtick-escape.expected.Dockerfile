# escape=`
FROM debian:bookworm-slim
RUN apt-get update `
    && apt-get -q install -y --no-install-recommends ca-certificates `
    && rm -rf /var/lib/apt/lists/*
USER 1000
CMD ["bash"]
