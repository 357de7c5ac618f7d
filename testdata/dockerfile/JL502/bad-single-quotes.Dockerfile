FROM python:3.12-slim
WORKDIR /app
COPY . .
USER 1000
# expect: JL502 "write CMD [\"python\", \"app.py\"]"
CMD ['python', 'app.py']
