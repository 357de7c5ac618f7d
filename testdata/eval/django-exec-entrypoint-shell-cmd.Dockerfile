FROM python:3.11-slim
ENV PIP_NO_CACHE_DIR=1
RUN useradd -r django
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
USER django
ENTRYPOINT ["python", "manage.py"]
# label: entrypoint-cmd
CMD runserver 0.0.0.0:8000
