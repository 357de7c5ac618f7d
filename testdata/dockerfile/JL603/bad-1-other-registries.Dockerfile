# expect: JL603 "quay.io"
FROM quay.io/prometheus/busybox:glibc AS tools

# a Docker Hub image outside "library" (the official images)
# expect: JL603 "docker.io"
FROM bitnami/python:3.12
COPY --from=tools /bin/busybox /bin/busybox
USER 1001
CMD ["python3"]
