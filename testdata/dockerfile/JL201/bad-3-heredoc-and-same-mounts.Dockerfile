# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN --mount=type=cache,target=/root/.cache/pip pip install --upgrade pip
# expect: JL201
RUN --mount=type=cache,target=/root/.cache/pip pip install poetry==1.8.3
# different flags: not reported
RUN <<EOF
poetry config virtualenvs.create false
EOF
# expect: JL201
RUN <<EOF
poetry --version
EOF
USER nobody
CMD ["python"]
