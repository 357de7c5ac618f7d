FROM ruby:3.3-slim
WORKDIR /gem
# refused: the Gemfile uses gemspec (line 3), which reads files from the context
COPY . .
RUN bundle install
CMD ["bundle", "exec", "rake"]
