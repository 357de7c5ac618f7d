FROM nikolaik/python-nodejs:python3.10-nodejs20-slim
RUN pip install --no-cache-dir pipenv==2023.12.1
WORKDIR /app
# one finding for the COPY, naming both installs
# expect: JL101 "pipenv install --system --deploy, line 7; npm ci, line 7"
COPY . .
RUN pipenv install --system --deploy && npm ci && npm cache clean --force
USER 1000
CMD ["python", "app.py"]
