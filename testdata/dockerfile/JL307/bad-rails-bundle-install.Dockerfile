FROM ruby:3.2-slim
RUN apt-get update -qq \
    && apt-get install -y --no-install-recommends build-essential libpq-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY Gemfile Gemfile.lock ./
# expect: JL307 "`bundle install` keeps a copy of every installed .gem archive in the gem cache"
RUN bundle install --jobs 4
COPY . .
USER 1000
CMD ["bundle", "exec", "puma"]
