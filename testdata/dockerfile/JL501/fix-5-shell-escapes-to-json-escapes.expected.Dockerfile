FROM alpine:3.20
COPY run /opt/app/run
USER nobody
CMD ["/opt/app/run", "--data", "C:\\data", "--name", "a\\b", "x y", "q\"uote"]
