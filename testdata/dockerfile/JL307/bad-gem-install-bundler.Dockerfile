FROM ruby:3.1-alpine
WORKDIR /app
COPY Gemfile Gemfile.lock ./
# expect: JL307 "`gem install` and 1 more install in this RUN keep"
RUN gem install bundler -v 2.4.22 && bundle install
COPY . .
USER nobody
CMD ["ruby", "app.rb"]
