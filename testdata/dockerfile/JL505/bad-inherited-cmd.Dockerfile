FROM alpine:3.19 AS base
USER nobody
CMD ["--verbose"]

FROM base
COPY tool /usr/local/bin/tool
# the inherited CMD survives only when this stage sets CMD itself; here it sets it again
CMD ["--quiet"]
# expect: JL505
ENTRYPOINT /usr/local/bin/tool
