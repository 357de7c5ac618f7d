FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q package -DskipTests
# expect: JL804
COPY --from=build /src/target/app.jar /app.jar

FROM eclipse-temurin:21-jre
COPY --from=build /src/target/app.jar /app.jar
USER 1001
CMD ["java", "-jar", "/app.jar"]
