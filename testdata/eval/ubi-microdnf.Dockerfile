FROM registry.access.redhat.com/ubi9/ubi-minimal:9.3
# label: missing-cleanup
RUN microdnf install -y java-17-openjdk-headless shadow-utils
# label: unmerged-run
RUN useradd -u 1001 -r -g 0 -s /sbin/nologin quarkus
WORKDIR /deployments
COPY --chown=1001:0 target/quarkus-app/lib/ /deployments/lib/
COPY --chown=1001:0 target/quarkus-app/*.jar /deployments/
COPY --chown=1001:0 target/quarkus-app/app/ /deployments/app/
COPY --chown=1001:0 target/quarkus-app/quarkus/ /deployments/quarkus/
USER 1001
ENTRYPOINT ["java", "-jar", "/deployments/quarkus-run.jar"]
