FROM eclipse-temurin:17-jre
RUN useradd -r -u 1001 spring
WORKDIR /app
COPY target/app.jar app.jar
USER 1001
ENTRYPOINT ["java", "-jar", "app.jar"]
# label: entrypoint-cmd
CMD --spring.profiles.active=prod
