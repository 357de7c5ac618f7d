FROM eclipse-temurin:21-jre-alpine
RUN addgroup -S app && adduser -S app -G app
WORKDIR /app
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75"
COPY build/libs/service.jar service.jar
USER app
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/service.jar \"$@\"", "--"]
