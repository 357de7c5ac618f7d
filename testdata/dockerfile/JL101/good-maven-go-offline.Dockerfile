FROM eclipse-temurin:21-jdk AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B dependency:go-offline
COPY src ./src
RUN ./mvnw -B -o -DskipTests package

FROM eclipse-temurin:21-jre
COPY --from=build /build/target/app.jar /app.jar
USER 10001
ENTRYPOINT ["java", "-jar", "/app.jar"]
