# label: root-user
FROM python:3.11-alpine

WORKDIR /app

# label: missing-cleanup
RUN apk add --virtual .build-deps gcc musl-dev libffi-dev postgresql-dev

COPY requirements.txt .
# label: unmerged-run
RUN pip install --no-cache-dir -r requirements.txt \
    && apk del .build-deps

COPY . .
CMD ["python", "main.py"]
