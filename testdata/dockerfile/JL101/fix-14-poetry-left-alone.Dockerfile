FROM python:3.12-slim
RUN pip install --no-cache-dir poetry==1.8.3
WORKDIR /app
# refused: poetry install also installs the project itself
COPY . .
RUN poetry install --no-root --only main
CMD ["poetry", "run", "python", "-m", "app"]
