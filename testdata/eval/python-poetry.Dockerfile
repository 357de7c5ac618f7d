FROM python:3.11-slim

ENV POETRY_VERSION=1.7.1 \
    POETRY_VIRTUALENVS_CREATE=false

# label: missing-cleanup
RUN pip install "poetry==$POETRY_VERSION"

WORKDIR /app
COPY pyproject.toml poetry.lock ./
RUN poetry install --no-root --only main

COPY . .

# label: cache-busting
RUN useradd -u 10001 app
USER app
CMD ["python", "-m", "myservice"]
