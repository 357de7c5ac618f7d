# label: root-user
FROM python:3.10-slim-bullseye

ENV PYTHONUNBUFFERED 1

# label: missing-cleanup
RUN apt-get update
# label: unmerged-run
RUN apt-get install -y --no-install-recommends libpq-dev gcc

WORKDIR /code
COPY requirements.txt /code/
RUN pip install --no-cache-dir -r requirements.txt
COPY . /code/

EXPOSE 8000
CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]
