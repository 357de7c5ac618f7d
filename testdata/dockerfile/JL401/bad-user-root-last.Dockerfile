FROM jenkins/jenkins:2.452-jdk17
# the base runs as jenkins; switching to root for apt and never back leaves the image running as root
USER root
RUN apt-get update \
    && apt-get install -y --no-install-recommends docker.io \
    && rm -rf /var/lib/apt/lists/*
COPY plugins.txt /usr/share/jenkins/ref/plugins.txt
# expect: JL401 "The last USER of the built stage is root"
USER root
