FROM python:3.12-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
WORKDIR /srv
# expect: JL101 "COPY requirements/prod.txt ./requirements/ and RUN pip install --no-cache-dir -r requirements/prod.txt"
# jlint ignore=JL902
ADD . /srv
RUN pip install --no-cache-dir -r requirements/prod.txt
EXPOSE 8000
# expect: JL103
RUN useradd --system --uid 10001 app
USER app
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.wsgi"]
