# escape=`
FROM debian:bookworm-slim
RUN apt-get update `
    && apt-get install --no-install-recommends -y `
        curl `
    && rm -rf /var/lib/apt/lists/*
USER nobody
CMD ["curl", "--version"]
