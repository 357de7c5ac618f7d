# syntax=docker/dockerfile:1
FROM debian:bookworm
# a cache mount on /var/cache/apt does not hold the lists, and the nested sh -c script is read too
# expect: JL301
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    sh -c 'apt-get update && apt-get install -y --no-install-recommends make'
USER 1000
CMD ["make", "--version"]
