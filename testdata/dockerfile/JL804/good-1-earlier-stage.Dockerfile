FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:21-jre AS runtime
COPY --from=build /src/target/app.jar /app.jar
COPY --from=0 /src/target/classes/banner.txt /banner.txt
USER 1001
CMD ["java", "-jar", "/app.jar"]
