FROM python:3.12-slim
COPY . /app
USER 1000
ENTRYPOINT ["python", "/app/cli.py"]
CMD ["--help"]
