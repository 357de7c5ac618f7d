FROM python:3.10-slim
RUN useradd -m worker
USER worker
WORKDIR /home/worker
COPY --chown=worker requirements.txt .
# label: missing-cleanup
RUN pip install --user -r requirements.txt
COPY --chown=worker . .
CMD ["python", "-m", "celery", "-A", "tasks", "worker"]
