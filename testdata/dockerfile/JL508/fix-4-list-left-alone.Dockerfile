FROM python:3.12-slim
WORKDIR /app
COPY . .
USER 1000
CMD ["sh", "-c", "python manage.py migrate && gunicorn site.wsgi --bind 0.0.0.0:8000"]
