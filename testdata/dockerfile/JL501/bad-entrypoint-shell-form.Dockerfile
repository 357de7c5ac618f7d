FROM eclipse-temurin:21-jre
COPY target/app.jar /opt/app.jar
USER 10001
# expect: JL501 "ENTRYPOINT in shell form"
ENTRYPOINT java -jar /opt/app.jar
