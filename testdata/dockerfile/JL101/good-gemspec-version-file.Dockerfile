FROM ruby:3.3-slim
WORKDIR /gem
# the gemspec reads lib/tool/version.rb: bundle install needs it, and it rarely changes
COPY Gemfile Gemfile.lock tool.gemspec ./
COPY lib/tool/version.rb lib/tool/
# expect: JL307
RUN bundle install && useradd --create-home tool
COPY . .
USER tool
ENTRYPOINT ["bundle", "exec", "exe/tool"]
