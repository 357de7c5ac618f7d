FROM alpine:3.20
# expect: JL908
RUN set -eux; \
    apk add --no-cache curl; \
   
    curl --version
USER nobody
CMD ["sh"]
