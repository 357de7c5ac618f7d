FROM alpine:3.19
RUN apk --update add git openssh-client
# label: unmerged-run
RUN rm -rf /var/cache/apk/*
# label: unmerged-run
RUN adduser -D deploy
USER deploy
ENTRYPOINT ["git"]
