FROM busybox:1.36
COPY heartbeat.sh /heartbeat.sh
USER 1000
CMD ["/bin/sh", "-c", "while true; do /heartbeat.sh; sleep 60; done"]
