FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl
COPY scripts/ /opt/scripts/
RUN apt-get install -y --no-install-recommends jq
USER nobody
