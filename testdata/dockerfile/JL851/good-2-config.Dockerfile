FROM ubuntu:24.04
RUN echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90assumeyes
# expect: JL201
RUN apt-get update \
    && apt-get install --no-install-recommends python3 \
    && rm -rf /var/lib/apt/lists/*
USER ubuntu
CMD ["python3"]
