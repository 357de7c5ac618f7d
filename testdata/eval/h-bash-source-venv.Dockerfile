FROM python:3.11-slim
WORKDIR /app
RUN python -m venv venv && useradd -m app
COPY requirements.txt .
RUN venv/bin/pip install --no-cache-dir -r requirements.txt
COPY . .
USER app
# label: entrypoint-cmd
ENTRYPOINT ["/bin/bash", "-c", "source venv/bin/activate && python app.py"]
