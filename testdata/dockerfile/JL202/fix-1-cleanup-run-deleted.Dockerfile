FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends python3
COPY app/ /opt/app/
# tidy up
RUN rm -rf /var/lib/apt/lists/*
USER ubuntu
