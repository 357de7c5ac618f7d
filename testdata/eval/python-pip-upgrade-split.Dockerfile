# label: root-user
FROM python:3.8
WORKDIR /app
COPY requirements.txt .
# label: missing-cleanup
RUN pip install --upgrade pip
# label: unmerged-run, missing-cleanup
RUN pip install -r requirements.txt
COPY . .
CMD ["python", "-u", "main.py"]
