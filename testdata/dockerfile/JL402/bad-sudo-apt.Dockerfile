FROM mcr.microsoft.com/devcontainers/base:bookworm
USER vscode
# expect: JL402
RUN sudo apt-get update \
    && sudo apt-get install -y --no-install-recommends graphviz \
    && sudo rm -rf /var/lib/apt/lists/*
