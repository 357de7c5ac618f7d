FROM python:3.12-slim
RUN useradd --uid 10001 app
USER app
WORKDIR /home/app
COPY --chown=app requirements.txt .
RUN pip install --user --no-cache-dir -r requirements.txt
# expect: JL401 "is 0:0"
USER 0:0
CMD ["python", "-m", "http.server"]
