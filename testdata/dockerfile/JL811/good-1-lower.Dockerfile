FROM alpine:3.20
EXPOSE 53/udp 8080/tcp 9090
USER nobody
CMD ["sh"]
