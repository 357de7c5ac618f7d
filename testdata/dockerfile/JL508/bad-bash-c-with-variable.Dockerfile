FROM eclipse-temurin:21-jre
COPY app.jar /app.jar
USER 10001
# expect: JL508 "ENTRYPOINT [\"/bin/bash\", \"-c\", \"exec java $JAVA_OPTS -jar /app.jar\"]"
ENTRYPOINT ["/bin/bash", "-c", "java $JAVA_OPTS -jar /app.jar"]
