FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl
COPY app/ /opt/app/
# refused: a comment line sits between the cleanup and the rest of this RUN
RUN /opt/app/bin/check && \
    # the lists are not needed at run time
    rm -rf /var/lib/apt/lists/*
USER nobody
CMD ["/opt/app/run"]
