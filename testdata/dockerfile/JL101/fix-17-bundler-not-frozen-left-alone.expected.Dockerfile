FROM ruby:3.3-slim
WORKDIR /rails
# refused: bundle install may rewrite Gemfile.lock
COPY . .
RUN bundle install
CMD ["bundle", "exec", "puma"]
