FROM alpine:3.20
RUN ["addgroup", "-S", "app"]
RUN ["adduser", "-S", "-G", "app", "app"]
USER app
CMD ["sh"]
