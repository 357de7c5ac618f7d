FROM alpine:3.19
COPY docker-entrypoint.sh /usr/local/bin/
USER nobody
# expect: JL502 "ENTRYPOINT looks like a JSON array"
ENTRYPOINT ['docker-entrypoint.sh']
CMD ["serve"]
