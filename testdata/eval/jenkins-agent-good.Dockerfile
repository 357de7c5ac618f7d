FROM jenkins/jenkins:2.440.1-lts-jdk17
USER root
RUN apt-get update \
    && apt-get install -y --no-install-recommends lsb-release python3-pip \
    && rm -rf /var/lib/apt/lists/*
USER jenkins
RUN jenkins-plugin-cli --plugins "blueocean docker-workflow"
