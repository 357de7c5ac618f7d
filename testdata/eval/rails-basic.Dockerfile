# label: root-user
FROM ruby:3.2

# label: missing-cleanup
RUN apt-get update -qq && apt-get install -y nodejs postgresql-client

WORKDIR /myapp
# label: cache-busting
COPY . /myapp
# label: missing-cleanup
RUN bundle install

EXPOSE 3000
CMD ["rails", "server", "-b", "0.0.0.0"]
