FROM eclipse-temurin:21-jre
COPY app.jar /app.jar
USER 10001
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app.jar"]
