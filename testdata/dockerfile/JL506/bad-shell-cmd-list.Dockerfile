FROM python:3.12-slim
WORKDIR /app
COPY . .
USER 1000
ENTRYPOINT ["python", "manage.py"]
# expect: JL506 "instead of the arguments; put the commands in a script"
CMD migrate && runserver 0.0.0.0:8000
