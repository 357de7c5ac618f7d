FROM python:3.12-slim
WORKDIR /srv
COPY --chown=1000:1000 requirements/prod.txt ./requirements/
# the dependencies
RUN pip install --no-cache-dir -r requirements/prod.txt
COPY --chown=1000:1000 . .
USER 1000
CMD ["gunicorn", "app:app"]
