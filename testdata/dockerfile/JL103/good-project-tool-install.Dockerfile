FROM python:3.12-slim
WORKDIR /src
COPY . .
# these installs use the copied source
RUN pip install --no-cache-dir --no-index --find-links ./wheels mypkg \
    && pip install --no-cache-dir -e .
USER 1000
CMD ["mypkg"]
