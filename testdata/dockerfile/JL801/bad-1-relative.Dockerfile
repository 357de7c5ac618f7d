FROM python:3.12-slim
# expect: JL801 "WORKDIR /app"
WORKDIR app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
USER nobody
CMD ["python", "main.py"]
