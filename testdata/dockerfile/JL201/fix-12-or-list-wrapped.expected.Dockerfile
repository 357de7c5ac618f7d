FROM alpine:3.20
RUN mkdir -p /opt/app && \
    { test -f /opt/app/.keep || touch /opt/app/.keep; }
USER nobody
CMD ["sh"]
