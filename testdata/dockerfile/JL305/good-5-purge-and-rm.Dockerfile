FROM python:3.12-slim
RUN pip install requests && pip cache purge
ENV PYTHONUNBUFFERED=1
RUN pip install rich && rm -rf /root/.cache/pip
ARG PIP_NO_CACHE_DIR=1
RUN pip install httpx
USER nobody
CMD ["python"]
