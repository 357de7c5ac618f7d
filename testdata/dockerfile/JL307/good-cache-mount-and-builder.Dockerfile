# syntax=docker/dockerfile:1
FROM ruby:3.3 AS gems
WORKDIR /app
COPY Gemfile Gemfile.lock ./
# a build stage: its cache never reaches the image
RUN bundle install

FROM ruby:3.3-slim
COPY --from=gems /usr/local/bundle /usr/local/bundle
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN --mount=type=cache,target=/usr/local/bundle/cache bundle install
COPY . .
USER nobody
CMD ["bundle", "exec", "sidekiq"]
