FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# expect: JL103 "Creating users and groups (groupadd"
RUN groupadd --system app && useradd --system --gid app --no-create-home app
USER app
CMD ["gunicorn", "app:app"]
