FROM alpine:3.19
USER nobody
# the script comes from CMD here: not judged
ENTRYPOINT ["sh", "-c"]
CMD ["echo ready && exec sleep infinity"]
