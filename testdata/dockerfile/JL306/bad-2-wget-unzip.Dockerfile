FROM eclipse-temurin:21-jre
WORKDIR /opt
# expect: JL306
RUN wget -q https://downloads.example.org/gradle-8.8-bin.zip \
    && unzip -q gradle-8.8-bin.zip \
    && ln -s /opt/gradle-8.8/bin/gradle /usr/local/bin/gradle
USER 1000
CMD ["gradle", "--version"]
