# escape=`
FROM eclipse-temurin:21-jre
COPY target/app.jar /opt/app.jar
USER 1001
ENTRYPOINT ['java', `
    '-jar', '/opt/app.jar']
