FROM alpine:3.20
# expect: JL203, JL302
RUN apk update
ENV LANG=C.UTF-8
RUN apk add --no-cache bash curl
USER nobody
CMD ["bash"]
