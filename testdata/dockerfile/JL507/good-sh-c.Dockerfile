FROM alpine:3.19
USER nobody
CMD ["sh", "-c", "echo started && exec sleep infinity"]
