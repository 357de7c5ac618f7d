FROM alpine:3.20
# expect: JL811 "53/udp"
EXPOSE 53/UDP
# expect: JL811 "8080/tcp"
EXPOSE 8080/Tcp 9090/tcp
USER nobody
CMD ["sh"]
