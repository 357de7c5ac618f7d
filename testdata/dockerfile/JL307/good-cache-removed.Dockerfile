FROM ruby:3.3-slim
ENV BUNDLE_PATH=/usr/local/bundle BUNDLE_DEPLOYMENT=1
WORKDIR /rails
COPY Gemfile Gemfile.lock ./
RUN bundle install && \
    rm -rf ~/.bundle/ "${BUNDLE_PATH}"/ruby/*/cache "${BUNDLE_PATH}"/ruby/*/bundler/gems/*/.git
COPY . .
USER 1000:1000
CMD ["./bin/rails", "server"]
