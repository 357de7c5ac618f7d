FROM python:3.12-slim
WORKDIR /app
# refused: pip install also installs ., which reads the source tree
COPY . .
RUN pip install --no-cache-dir -r requirements.txt .
CMD ["flask", "run"]
