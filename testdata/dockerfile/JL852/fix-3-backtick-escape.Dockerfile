# escape=`
FROM debian:bookworm-slim
RUN apt-get update `
    && apt-get install -y `
        curl `
    && rm -rf /var/lib/apt/lists/*
USER nobody
CMD ["curl", "--version"]
