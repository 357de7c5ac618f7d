FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*
ENV LANG=C.UTF-8
# a RUN that cleans what it made itself is fine, even when an earlier RUN made (and cleaned) the same
RUN apt-get update && apt-get install -y --no-install-recommends make && rm -rf /var/lib/apt/lists/*
RUN curl -fsSL -o /tmp/x.tgz https://example.com/x.tgz && tar -xzf /tmp/x.tgz -C /opt && rm /tmp/x.tgz
# expect: JL201
RUN rm -rf /tmp/*
COPY . /src
USER 1000
CMD ["make", "-C", "/src"]
