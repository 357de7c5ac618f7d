FROM python:3.12-slim
COPY requirements.txt .
RUN pip install -r requirements.txt && python -m pip install --upgrade gunicorn
USER 1000
