FROM eclipse-temurin:21-jre
COPY app.jar /app.jar
USER 10001
ENTRYPOINT ["/bin/bash","-c", \
# JAVA_OPTS comes from the deployment
    "java $JAVA_OPTS -jar /app.jar"]
