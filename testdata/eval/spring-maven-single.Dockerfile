# label: root-user
FROM maven:3.9-eclipse-temurin-17
WORKDIR /app
# label: cache-busting
COPY . .
RUN mvn clean package -DskipTests
EXPOSE 8080
# label: entrypoint-cmd
CMD java -jar target/demo-0.0.1-SNAPSHOT.jar
