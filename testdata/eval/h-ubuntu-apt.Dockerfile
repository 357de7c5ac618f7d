# label: root-user
FROM ubuntu:22.04
# label: missing-cleanup
RUN apt update && apt install -y python3 python3-pip
WORKDIR /app
COPY requirements.txt .
RUN pip3 install --no-cache-dir -r requirements.txt
COPY . .
CMD ["python3", "app.py"]
