FROM python:3.12-alpine
COPY requirements.txt /tmp/requirements.txt
RUN set -eux; \
	apk add --no-cache --virtual .build-deps gcc musl-dev libffi-dev; \
	pip install --no-cache-dir -r /tmp/requirements.txt; \
	runDeps="so:libffi.so.8"; \
	apk add --no-network --virtual .app-rundeps $runDeps; \
	apk del --no-network .build-deps
USER nobody
CMD ["python3"]
