FROM ubuntu:24.04
# JAVA_HOME is not set yet when PATH is expanded
# expect: JL807 "same ENV"
ENV JAVA_HOME=/opt/java/openjdk \
    PATH=$JAVA_HOME/bin:$PATH
COPY --from=eclipse-temurin:21-jdk /opt/java/openjdk /opt/java/openjdk
USER ubuntu
CMD ["java", "-version"]
