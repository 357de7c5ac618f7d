FROM debian:bookworm-slim
# an update with nothing installed later is a cleanup problem (JL301), not an unmerged pair
# expect: JL301
RUN apt-get update
USER 1000
CMD ["apt-cache", "policy"]
