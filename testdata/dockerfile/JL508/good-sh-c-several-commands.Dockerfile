FROM python:3.12-slim
WORKDIR /app
COPY . .
USER 1000
# a list of commands needs the shell; its last command is exec'ed, so the program gets the signals
CMD ["sh", "-c", "python manage.py migrate && exec gunicorn site.wsgi"]
