FROM python:3.12-slim
RUN useradd --uid 10001 app
USER app
WORKDIR /home/app
COPY --chown=app . .
# expect: JL501 "put the commands in a script that ends with exec"
CMD python manage.py migrate && gunicorn site.wsgi
