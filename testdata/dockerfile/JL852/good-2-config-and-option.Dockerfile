FROM debian:bookworm-slim
RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/00norecommends
# expect: JL201
RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*
ENV X=1
RUN apt-get update && apt-get install -y -o APT::Install-Recommends=0 make && rm -rf /var/lib/apt/lists/*
USER 1000
CMD ["git", "--version"]
