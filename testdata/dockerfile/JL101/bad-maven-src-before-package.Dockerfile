FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /build
COPY pom.xml .
# the pom is copied first, but src arrives before the dependencies are fetched
# expect: JL101 "RUN mvn dependency:go-offline before this COPY"
COPY src ./src
RUN mvn -B -DskipTests package

FROM eclipse-temurin:21-jre-alpine
COPY --from=build /build/target/app.jar /opt/app.jar
USER 10001
ENTRYPOINT ["java", "-jar", "/opt/app.jar"]
