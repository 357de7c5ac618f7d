FROM gradle:8.5-jdk17 AS build
WORKDIR /home/gradle/project
COPY build.gradle settings.gradle ./
# label: cache-busting
COPY src ./src
RUN gradle bootJar --no-daemon

# label: root-user
FROM eclipse-temurin:17-jre-alpine
WORKDIR /app
COPY --from=build /home/gradle/project/build/libs/*.jar app.jar
ENV JAVA_OPTS=""
EXPOSE 8080
# label: entrypoint-cmd
ENTRYPOINT ["sh", "-c", "java $JAVA_OPTS -jar /app/app.jar"]
