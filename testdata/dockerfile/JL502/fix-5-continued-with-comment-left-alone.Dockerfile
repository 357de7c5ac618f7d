FROM eclipse-temurin:21-jre
COPY target/app.jar /opt/app.jar
USER 1001
# refused: comment lines sit inside it
ENTRYPOINT ['java', \
    # the heap follows the container limit
    '-XX:MaxRAMPercentage=75', \
    '-jar', '/opt/app.jar']
