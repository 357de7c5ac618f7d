FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
ENV LANG=C.UTF-8
# a flag on an earlier RUN configures nothing for this one
# expect: JL852
RUN apt-get update && apt-get install -y libpq5 && rm -rf /var/lib/apt/lists/*
COPY app /opt/app
USER 1000
CMD ["/opt/app/run"]
