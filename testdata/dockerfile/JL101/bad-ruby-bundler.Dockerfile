FROM ruby:3.3-slim
WORKDIR /app
# expect: JL101 "COPY Gemfile Gemfile.lock ./ and RUN bundle install"
COPY . /app
# expect: JL307
RUN bundle config set --local without 'development test' && bundle install
# expect: JL103 "ENV RAILS_ENV never changes"
ENV RAILS_ENV=production
# expect: JL103
RUN useradd --create-home rails
USER rails
CMD ["bundle", "exec", "puma", "-C", "config/puma.rb"]
