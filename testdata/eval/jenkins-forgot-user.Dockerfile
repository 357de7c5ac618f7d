FROM jenkins/jenkins:lts-jdk17
# label: root-user
USER root
# label: missing-cleanup
RUN apt-get update && apt-get install -y docker.io
# label: unmerged-run
RUN usermod -aG docker jenkins
