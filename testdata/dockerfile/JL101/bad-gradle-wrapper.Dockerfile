FROM eclipse-temurin:21-jdk AS build
WORKDIR /workspace
# expect: JL101 "./gradlew dependencies"
COPY . .
RUN ./gradlew --no-daemon bootJar

FROM eclipse-temurin:21-jre
COPY --from=build /workspace/build/libs/app.jar /app.jar
USER 10001
ENTRYPOINT ["java", "-jar", "/app.jar"]
