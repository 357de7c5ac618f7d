# label: root-user
FROM python:3.11

WORKDIR /app

# label: cache-busting
COPY . .

# label: missing-cleanup
RUN pip install -r requirements.txt

EXPOSE 5000

# label: entrypoint-cmd
CMD python app.py
