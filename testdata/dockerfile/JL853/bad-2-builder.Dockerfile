FROM ubuntu:24.04 AS tools
# expect: JL853
RUN apt-get update && apt list --installed > /packages.txt
FROM ubuntu:24.04
COPY --from=tools /packages.txt /packages.txt
USER ubuntu
CMD ["cat", "/packages.txt"]
