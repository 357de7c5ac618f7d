FROM eclipse-temurin:21-jdk AS build
WORKDIR /workspace
COPY . .
RUN ./mvnw -B -ntp dependency:go-offline
RUN ./mvnw -B -o package -DskipTests

FROM eclipse-temurin:21-jre
COPY --from=build /workspace/target/app.jar /app.jar
USER 1000
ENTRYPOINT ["java", "-jar", "/app.jar"]
