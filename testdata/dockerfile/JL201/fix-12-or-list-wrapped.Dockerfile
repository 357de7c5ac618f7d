FROM alpine:3.20
RUN mkdir -p /opt/app
RUN test -f /opt/app/.keep || touch /opt/app/.keep
USER nobody
CMD ["sh"]
