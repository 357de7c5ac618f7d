FROM python:3.12-slim
WORKDIR /app
COPY . .
USER 1000
# expect: JL502 "a comma between elements"
CMD ["python" "app.py"]
