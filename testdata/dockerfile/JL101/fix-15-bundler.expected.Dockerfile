FROM ruby:3.3-slim
ENV BUNDLE_WITHOUT="development:test"
WORKDIR /rails
COPY Gemfile .ruby-version Gemfile.lock ./
RUN bundle config set frozen true && bundle install --jobs 4 --retry 3
COPY . .
CMD ["bundle", "exec", "puma"]
