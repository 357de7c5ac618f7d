FROM ruby:3.3-slim
ENV BUNDLE_WITHOUT="development:test"
WORKDIR /rails
COPY . .
RUN bundle config set frozen true && bundle install --jobs 4 --retry 3
CMD ["bundle", "exec", "puma"]
