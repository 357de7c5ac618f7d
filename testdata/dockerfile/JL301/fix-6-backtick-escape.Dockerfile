# escape=`
FROM debian:bookworm-slim
RUN apt-get update `
    # the TLS roots
    && apt-get install -y --no-install-recommends ca-certificates
USER nobody
