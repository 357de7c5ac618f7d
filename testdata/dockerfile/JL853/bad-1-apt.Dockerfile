FROM ubuntu:24.04
# expect: JL853
RUN apt update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
USER ubuntu
CMD ["curl", "--version"]
