FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
# expect: JL305
RUN pip install -r requirements.txt
COPY . .
USER nobody
CMD ["python", "main.py"]
