FROM ruby:3.2-slim
RUN apt-get update -qq \
    && apt-get install -y --no-install-recommends build-essential libpq-dev nodejs \
    && rm -rf /var/lib/apt/lists/* \
    && useradd -m rails
WORKDIR /app
COPY Gemfile Gemfile.lock ./
# label: missing-cleanup
RUN bundle install --without development test
COPY . .
RUN bundle exec rake assets:precompile
USER rails
CMD ["bundle", "exec", "puma", "-C", "config/puma.rb"]
