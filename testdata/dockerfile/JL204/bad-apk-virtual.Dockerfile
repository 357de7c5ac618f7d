FROM python:3.12-alpine
WORKDIR /app
RUN apk add --no-cache --virtual .build-deps gcc musl-dev libffi-dev
COPY requirements.txt .
# expect: JL204 "this RUN removes .build-deps (`apk del …`), which the RUN at line 3 installed"
RUN pip install --no-cache-dir -r requirements.txt \
    && apk del .build-deps
COPY . .
USER nobody
CMD ["python", "main.py"]
