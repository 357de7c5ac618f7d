FROM ruby:3.3-slim
ENV BUNDLE_PATH=/usr/local/bundle BUNDLE_DEPLOYMENT=1 BUNDLE_WITHOUT=development:test
WORKDIR /rails
COPY Gemfile Gemfile.lock ./
# expect: JL307 "rm -rf \"$BUNDLE_PATH\"/ruby/*/cache"
RUN bundle install && rm -rf ~/.bundle
COPY . .
USER 1000:1000
CMD ["./bin/rails", "server"]
