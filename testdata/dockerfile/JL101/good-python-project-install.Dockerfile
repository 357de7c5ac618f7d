FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# installing the project itself needs the source; its dependencies are already cached above
RUN pip install --no-cache-dir --no-deps .
USER 1000
CMD ["python", "-m", "app"]
