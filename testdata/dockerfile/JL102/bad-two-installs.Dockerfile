FROM ubuntu:22.04
WORKDIR /srv
COPY . /srv
# expect: JL102
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
# expect: JL102
RUN apt-get update && apt-get install -y --no-install-recommends tzdata && rm -rf /var/lib/apt/lists/*
USER nobody
ENTRYPOINT ["/srv/bin/server"]
