FROM python:3.12-slim
WORKDIR /code
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# ENV, LABEL and EXPOSE cost nothing to re-run: not reported
ENV FLASK_APP=app.py FLASK_RUN_HOST=0.0.0.0
LABEL org.opencontainers.image.source="https://example.com/repo"
EXPOSE 5000
RUN python -m compileall -q .
USER 1000
CMD ["flask", "run"]
