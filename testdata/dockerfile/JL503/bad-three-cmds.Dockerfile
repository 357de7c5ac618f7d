FROM python:3.12-slim
USER 1000
# expect: JL503 "the CMD on line 6"
CMD ["python", "--version"]
# expect: JL503 "the CMD on line 7"
CMD ["python", "-m", "pip", "list"]
CMD ["python", "app.py"]
