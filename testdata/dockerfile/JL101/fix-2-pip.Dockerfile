FROM python:3.12-slim
WORKDIR /srv
COPY --chown=1000:1000 . .
# the dependencies
RUN pip install --no-cache-dir -r requirements/prod.txt
USER 1000
CMD ["gunicorn", "app:app"]
