FROM ruby:3.2-alpine
RUN gem install --no-document sass-embedded \
    && rm -rf "$(gem env gemdir)"/cache \
    && adduser -D sass
USER sass
ENTRYPOINT ["sass"]
