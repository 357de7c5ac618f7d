# syntax=docker/dockerfile:1
FROM rockylinux:9
WORKDIR /opt/app
# jlint ignore=JL902
ADD . /opt/app
# expect: JL102
RUN <<EOF2
yum install -y --setopt=tsflags=nodocs java-17-openjdk-headless
yum clean all
EOF2
USER 1001
CMD ["java", "-jar", "/opt/app/app.jar"]
