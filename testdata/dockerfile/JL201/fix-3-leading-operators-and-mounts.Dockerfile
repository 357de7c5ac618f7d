FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
RUN --mount=type=cache,target=/root/.cache/pip pip install gunicorn
RUN python -m compileall -q /usr/local/lib \
    && python -c "import flask"
COPY . .
USER 1000
CMD ["gunicorn", "app:app"]
