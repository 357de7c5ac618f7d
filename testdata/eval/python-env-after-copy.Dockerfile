FROM python:3.10-slim
WORKDIR /usr/src/app
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# label: cache-busting
ENV PYTHONDONTWRITEBYTECODE=1
# label: cache-busting
ENV FLASK_ENV=production
# label: cache-busting
RUN groupadd -r flask && useradd -r -g flask flask
USER flask
CMD ["flask", "run", "--host=0.0.0.0"]
