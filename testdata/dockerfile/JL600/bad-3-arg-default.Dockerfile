# the ARG's default names an image without a tag
ARG BASE_IMAGE=python
# expect: JL600 "ARG BASE_IMAGE on line 2"
FROM ${BASE_IMAGE}
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
USER nobody
CMD ["python", "app.py"]
