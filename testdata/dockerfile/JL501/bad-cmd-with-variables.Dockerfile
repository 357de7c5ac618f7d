FROM eclipse-temurin:21-jre
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75"
COPY target/app.jar /app.jar
USER 10001
# the variable needs a shell: keep one, but let java replace it
# expect: JL501 "CMD [\"sh\", \"-c\", \"exec java $JAVA_OPTS -jar /app.jar\"]"
CMD java $JAVA_OPTS -jar /app.jar
