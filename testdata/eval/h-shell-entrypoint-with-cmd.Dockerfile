FROM python:3.12-alpine
WORKDIR /srv
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
USER nobody
# label: entrypoint-cmd
ENTRYPOINT python3
CMD ["server.py"]
