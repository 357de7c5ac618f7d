FROM alpine:3.20
RUN mkdir -p /opt/app && \
    { touch /opt/app/.keep; chmod 0644 /opt/app/.keep; }
USER nobody
