# syntax=docker/dockerfile:1
FROM python:3.12-slim
WORKDIR /app
COPY pyproject.toml .
# expect: JL305
RUN <<EOF
python3 -m pip install --upgrade pip
python3 -m pip install .
EOF
USER nobody
CMD ["python3", "-m", "app"]
