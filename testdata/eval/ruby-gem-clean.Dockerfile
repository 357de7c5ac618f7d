FROM ruby:3.3-slim
ENV BUNDLE_WITHOUT="development:test" BUNDLE_JOBS=4
RUN apt-get update -qq \
    && apt-get install -y --no-install-recommends build-essential \
    && rm -rf /var/lib/apt/lists/* \
    && useradd -m worker
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle install && bundle clean --force && rm -rf /usr/local/bundle/cache
COPY . .
USER worker
CMD ["bundle", "exec", "sidekiq"]
