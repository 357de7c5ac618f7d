FROM eclipse-temurin:21-jre
WORKDIR /opt
RUN curl -fsSL -o /opt/jmx.tgz https://example.com/jmx-exporter-1.0.tgz \
    && tar -xzf /opt/jmx.tgz -C /opt
COPY app.jar /opt/app/app.jar
# expect: JL202
RUN rm /opt/jmx.tgz && chmod -R g+r /opt/app
USER 1000
CMD ["java", "-jar", "/opt/app/app.jar"]
