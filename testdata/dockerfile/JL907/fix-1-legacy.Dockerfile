FROM debian:bookworm-slim
ENV APP_HOME /opt/app
ENV PATH $APP_HOME/bin:$PATH
LABEL description A small service
ENV GREETING "hello world"
USER nobody
