FROM debian:bookworm-slim
# cleaned in the next RUN, so no missing-cleanup finding: the pair is one unmerged-run mistake
RUN apt-get update
# expect: JL201
RUN apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/*
USER 1000
CMD ["curl", "--version"]
