FROM mcr.microsoft.com/devcontainers/base:bookworm AS tools
USER vscode
RUN sudo apt-get update && sudo apt-get install -y --no-install-recommends make && sudo rm -rf /var/lib/apt/lists/*
RUN make -C /tmp -f /dev/null || true

# only the files copied from the builder reach this image
FROM alpine:3.19
COPY --from=tools /usr/bin/make /usr/local/bin/make
USER nobody
ENTRYPOINT ["make"]
