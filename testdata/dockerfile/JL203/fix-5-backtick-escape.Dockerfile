# escape=`
# jlint global ignore=consecutive-runs
FROM debian:bookworm-slim
RUN apt-get update
RUN apt-get install -y --no-install-recommends `
        curl `
    && rm -rf /var/lib/apt/lists/*
USER 1000
CMD ["curl", "--version"]
