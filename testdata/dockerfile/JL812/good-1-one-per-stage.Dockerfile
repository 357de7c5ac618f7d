FROM python:3.12-slim AS base
HEALTHCHECK CMD ["python", "-c", "print('ok')"]

# a stage may replace the health check it inherits
FROM base
WORKDIR /app
COPY . .
HEALTHCHECK --interval=30s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/health')"]
USER nobody
CMD ["python", "-m", "http.server"]
