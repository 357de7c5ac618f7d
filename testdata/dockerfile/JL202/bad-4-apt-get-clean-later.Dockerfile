FROM ubuntu:24.04
# expect: JL301
RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-venv
COPY . /app
# expect: JL202
RUN apt-get clean
USER ubuntu
CMD ["python3", "/app/main.py"]
