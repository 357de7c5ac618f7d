FROM ruby:3.2-slim
WORKDIR /srv
COPY Gemfile Gemfile.lock ./
RUN bundle install && rm -rf /usr/local/bundle/cache/*.gem
COPY . .
USER nobody
CMD ["bundle", "exec", "rackup", "-o", "0.0.0.0"]
