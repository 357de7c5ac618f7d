FROM python:3.12-slim AS base
ENV PIP_NO_CACHE_DIR=1 PYTHONUNBUFFERED=1
RUN useradd -m app
USER app
WORKDIR /home/app
COPY --chown=app requirements.txt .
RUN pip install --user -r requirements.txt

FROM base AS dev
RUN pip install --user pytest
CMD ["python", "-m", "pytest"]

FROM base AS prod
COPY --chown=app . .
CMD ["python", "main.py"]
