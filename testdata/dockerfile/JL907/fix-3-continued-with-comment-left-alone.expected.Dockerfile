FROM eclipse-temurin:21-jre
# refused: it is written over several lines
ENV JAVA_OPTS \
    # the heap follows the container limit
    -XX:MaxRAMPercentage=75
USER 1001
