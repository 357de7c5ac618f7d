FROM python:3.11-alpine AS app
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
USER nobody
CMD ["python", "app.py"]

# the dev stage extends the app: its installs cannot move above the COPY of another stage
FROM app AS dev
USER root
RUN apk add --no-cache git
USER nobody
