FROM alpine:3.19
USER nobody
# arguments may contain spaces; only the program element matters
CMD ["echo", "hello world"]
