FROM alpine:3.20
RUN mkdir -p /opt/app
RUN touch /opt/app/.keep; chmod 0644 /opt/app/.keep
USER nobody
