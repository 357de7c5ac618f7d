FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl gnupg \
    && rm -rf /var/lib/apt/lists/*
# gpg --dearmor writes an empty keyring when the download fails
# expect: JL800 "curl -fsSL https://packages.example.com/key.asc | gpg"
RUN curl -fsSL https://packages.example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg \
    && echo "deb [signed-by=/usr/share/keyrings/example.gpg] https://packages.example.com/debian bookworm main" \
        > /etc/apt/sources.list.d/example.list
USER nobody
CMD ["bash"]
