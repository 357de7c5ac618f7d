FROM alpine:3.20
RUN addgroup -S app
ENV APP_HOME=/srv/app
RUN adduser -S -G app -h "$APP_HOME" app
USER app
CMD ["sh"]
