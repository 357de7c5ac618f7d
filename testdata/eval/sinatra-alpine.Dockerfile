FROM ruby:3.1-alpine
# label: missing-cleanup
RUN apk add --update build-base
WORKDIR /app
COPY Gemfile Gemfile.lock ./
# label: missing-cleanup
RUN gem install bundler -v 2.4.22
# label: missing-cleanup, unmerged-run
RUN bundle install
COPY . .
# label: cache-busting
RUN adduser -D sinatra
USER sinatra
EXPOSE 4567
# label: entrypoint-cmd
CMD ["bundle exec ruby app.rb -o 0.0.0.0"]
