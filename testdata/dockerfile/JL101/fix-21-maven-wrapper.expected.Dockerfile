FROM eclipse-temurin:21-jdk AS build
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn ./.mvn/
RUN ./mvnw -B -ntp dependency:go-offline
COPY . .
RUN ./mvnw -B -o package -DskipTests

FROM eclipse-temurin:21-jre
COPY --from=build /workspace/target/app.jar /app.jar
USER 1000
ENTRYPOINT ["java", "-jar", "/app.jar"]
