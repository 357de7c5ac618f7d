FROM python:3.12-slim
RUN useradd --uid 10001 app
USER app
HEALTHCHECK --interval=30s CMD python -c "import urllib.request; urllib.request.urlopen('http://localhost:8000/')"
CMD ["python", "-m", "http.server", "8000"]
