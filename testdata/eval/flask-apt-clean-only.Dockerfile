FROM python:3.9-slim
# label: missing-cleanup
RUN apt-get update && apt-get install -y --no-install-recommends gcc default-libmysqlclient-dev pkg-config && apt-get clean
WORKDIR /srv/app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# label: cache-busting
RUN useradd --uid 1001 flask 2>/dev/null || true
USER 1001
CMD ["gunicorn", "-w", "4", "-b", "0.0.0.0:5000", "wsgi:app"]
