FROM debian:bookworm-slim
RUN apt-get update && apt-get install --assume-yes --no-install-recommends git && rm -rf /var/lib/apt/lists/*
ENV LANG=C.UTF-8
# expect: JL851
RUN apt-get update && apt-get install --no-install-recommends make && rm -rf /var/lib/apt/lists/*
COPY app /opt/app
USER 1000
CMD ["/opt/app/run"]
