FROM debian:bookworm-slim
WORKDIR /build
COPY . .
# the package list and the .deb come from the context: the install depends on it
RUN apt-get update \
    && xargs -a packages.txt apt-get install -y --no-install-recommends \
    && rm -rf /var/lib/apt/lists/*
RUN apt-get update \
    && apt-get install -y --no-install-recommends ./dist/agent_1.2.3_amd64.deb \
    && rm -rf /var/lib/apt/lists/*
USER nobody
CMD ["agent"]
