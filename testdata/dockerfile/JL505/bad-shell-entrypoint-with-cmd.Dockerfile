FROM python:3.12-slim
COPY . /app
USER 1000
# expect: JL505 "the CMD on line 6"
ENTRYPOINT python /app/cli.py
CMD ["--help"]
