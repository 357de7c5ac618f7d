FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace/app
# label: cache-busting
COPY . .
RUN ./gradlew build -x test

FROM eclipse-temurin:17-jre
VOLUME /tmp
COPY --from=build /workspace/app/build/libs/*.jar app.jar
USER 1001
ENTRYPOINT ["java", "-jar", "/app.jar"]
