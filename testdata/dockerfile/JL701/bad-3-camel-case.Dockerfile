FROM eclipse-temurin:21-jre
# expect: JL701 "dbPassword"
ENV dbPassword=hunter2 jwtSecret=averyverysecretvalue
USER 1001
CMD ["java", "-jar", "/app.jar"]
