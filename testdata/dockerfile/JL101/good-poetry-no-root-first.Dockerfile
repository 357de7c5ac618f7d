FROM python:3.12-slim
RUN pip install --no-cache-dir poetry==1.8.2
WORKDIR /code
COPY pyproject.toml poetry.lock ./
RUN poetry install --no-root --only main --no-interaction
COPY . .
# installs only the project itself: its dependencies were installed before the source arrived
RUN poetry install --only main --no-interaction
USER 1000
CMD ["python", "-m", "service"]
