FROM python:3.12-slim
RUN <<EOF
pip install --no-cache-dir poetry==1.8.3
poetry config virtualenvs.create false
EOF
RUN <<EOF
poetry --version
python --version
EOF
USER nobody
CMD ["python"]
