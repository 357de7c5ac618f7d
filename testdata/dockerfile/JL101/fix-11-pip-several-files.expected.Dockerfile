FROM python:3.12-slim
WORKDIR /app
COPY constraints.txt ./
COPY requirements/prod.txt requirements/extra.txt requirements/base.txt ./requirements/
RUN pip install --no-cache-dir --upgrade pip \
    && pip install --no-cache-dir -r requirements/prod.txt -r requirements/extra.txt -c constraints.txt
COPY . .
USER 1000
CMD ["python", "-m", "service"]
