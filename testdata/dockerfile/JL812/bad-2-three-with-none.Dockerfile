FROM python:3.12-slim
# expect: JL812
HEALTHCHECK NONE
WORKDIR /app
COPY . .
# expect: JL812 "line 10"
HEALTHCHECK --interval=10s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/')"]
USER nobody
CMD ["python", "-m", "http.server"]
HEALTHCHECK --interval=30s --timeout=3s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/health')"]
