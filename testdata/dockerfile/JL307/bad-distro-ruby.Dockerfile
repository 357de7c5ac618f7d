FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ruby \
    && rm -rf /var/lib/apt/lists/*
# expect: JL307, JL201
RUN gem install --no-document fpm
USER nobody
ENTRYPOINT ["fpm"]
