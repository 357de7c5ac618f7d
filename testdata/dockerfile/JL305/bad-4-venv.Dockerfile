FROM python:3.12-slim
RUN python3 -m venv /opt/venv
COPY requirements.txt /tmp/
# the venv's pip still caches in ~/.cache/pip
# expect: JL305
RUN /opt/venv/bin/pip install -r /tmp/requirements.txt && rm /tmp/requirements.txt
USER nobody
CMD ["python"]
