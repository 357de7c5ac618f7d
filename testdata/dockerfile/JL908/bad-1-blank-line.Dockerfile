FROM debian:bookworm-slim
# expect: JL908 "line 4"
RUN apt-get update \

    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/*
USER nobody
CMD ["bash"]
