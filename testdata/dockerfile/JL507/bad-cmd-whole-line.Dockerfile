FROM python:3.12-slim
WORKDIR /app
COPY . .
USER 1000
# expect: JL507 "write CMD [\"flask\", \"run\", \"--host=0.0.0.0\"]"
CMD ["flask run", "--host=0.0.0.0"]
