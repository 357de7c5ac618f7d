FROM eclipse-temurin:21-jre
COPY target/app.jar /app.jar
USER 10001
# exec hands PID 1 over to java: signals reach it
CMD exec java $JAVA_OPTS -jar /app.jar
