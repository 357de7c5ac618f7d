FROM python:3.12-slim
RUN pip install --no-cache-dir poetry==1.8.2
WORKDIR /code
# expect: JL101 "COPY pyproject.toml poetry.lock ./ and RUN poetry install --no-root"
COPY . .
RUN poetry config virtualenvs.create false && poetry install --only main --no-interaction
USER 1000
CMD ["python", "-m", "service"]
