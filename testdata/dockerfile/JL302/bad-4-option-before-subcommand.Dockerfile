FROM alpine:3.20
# expect: JL302
RUN apk --update add curl
USER nobody
CMD ["curl", "--version"]
