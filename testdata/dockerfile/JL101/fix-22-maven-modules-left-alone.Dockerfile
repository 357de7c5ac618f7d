FROM maven:3.9-eclipse-temurin-21
WORKDIR /src
# refused: pom.xml is a multi-module build (<modules>)
COPY . .
RUN mvn -B dependency:go-offline
RUN mvn -B -o package
