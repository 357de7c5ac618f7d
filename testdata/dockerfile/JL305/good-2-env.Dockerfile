FROM python:3.12-slim
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
RUN pip install poetry==1.8.3
ARG EXTRA=0
RUN PIP_NO_CACHE_DIR=true pip install uvicorn
USER nobody
CMD ["uvicorn", "app:app"]
