FROM eclipse-temurin:21-jre
# expect: JL807 "line 4"
COPY target/app-${APP_VERSION}.jar /opt/app/app.jar
ARG APP_VERSION=1.4.2
USER 1001
CMD ["java", "-jar", "/opt/app/app.jar"]
