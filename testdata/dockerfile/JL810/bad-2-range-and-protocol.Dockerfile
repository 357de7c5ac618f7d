FROM alpine:3.20
# expect: JL810 "0-65535"
EXPOSE 80 443 80800
# expect: JL810 "protocol 'http'"
EXPOSE 8080/http
# expect: JL810 "127.0.0.1:53:53/udp"
EXPOSE 127.0.0.1:53:53/udp
# expect: JL810 "9100-9000"
EXPOSE 9100-9000
USER nobody
CMD ["sh"]
