FROM ruby:3.3
WORKDIR /srv
COPY . /srv
# expect: JL103 "gem install rails -v 7.1.3", JL307
RUN gem install rails -v 7.1.3
# expect: JL103 "ENV RAILS_ENV"
ENV RAILS_ENV=production
# expect: JL103 "pip install --no-cache-dir gunicorn==21.2.0"
RUN pip install --no-cache-dir gunicorn==21.2.0
EXPOSE 3000
# expect: JL103
RUN adduser --disabled-password --gecos "" web
USER web
CMD ["rails", "server", "-b", "0.0.0.0"]
