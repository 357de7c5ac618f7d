FROM alpine:3.19
WORKDIR /srv
COPY . .
# upgrading the base packages does not depend on the source either
# expect: JL102 "apk upgrade --no-cache runs after the build context is copied"
RUN apk upgrade --no-cache
USER nobody
ENTRYPOINT ["/srv/run"]
