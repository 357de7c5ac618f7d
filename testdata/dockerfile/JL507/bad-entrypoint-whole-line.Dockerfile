FROM eclipse-temurin:21-jre
COPY app.jar /app.jar
USER 10001
# expect: JL507 "a program literally named \"java -jar /app.jar\""
ENTRYPOINT ["java -jar /app.jar"]
