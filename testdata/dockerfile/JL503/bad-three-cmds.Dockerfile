FROM python:3.12-slim
USER 1000
CMD ["python", "--version"]
# expect: JL503
CMD ["python", "-m", "pip", "list"]
# expect: JL503 "on line 5"
CMD ["python", "app.py"]
