FROM python:3.12-slim
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt && \
    # the WSGI server is not in requirements.txt
    pip install --no-cache-dir gunicorn==22.0.0
USER 1000
CMD ["gunicorn", "app:app"]
