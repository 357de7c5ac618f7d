FROM python:3.12-slim
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt && python -m pip install --no-cache-dir --upgrade gunicorn
USER 1000
