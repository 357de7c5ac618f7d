FROM alpine:3.19
COPY docker-entrypoint.sh /usr/local/bin/
USER nobody
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["serve", "--port", "8080"]
