FROM debian:bookworm-slim AS base
RUN useradd --system svc
USER svc
RUN mkdir -p /home/svc/data

FROM base AS runtime
# expect: JL401
USER root
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*

FROM runtime
COPY --chown=svc bin/ /usr/local/bin/
CMD ["/usr/local/bin/svc"]
