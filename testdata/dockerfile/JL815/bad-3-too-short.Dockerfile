FROM alpine:3.20
# expect: JL815 "1ms"
HEALTHCHECK --start-period=500us CMD ["true"]
USER nobody
CMD ["sh"]
