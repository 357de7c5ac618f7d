FROM debian:bookworm-slim
SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl gnupg \
    && rm -rf /var/lib/apt/lists/* \
    && curl -fsSL https://packages.example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg
USER nobody
CMD ["bash"]
