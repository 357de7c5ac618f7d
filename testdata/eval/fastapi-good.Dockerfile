FROM python:3.11-slim

WORKDIR /code

RUN adduser --disabled-password --gecos "" fastapi

COPY ./requirements.txt /code/requirements.txt
RUN pip install --no-cache-dir --upgrade -r /code/requirements.txt

COPY ./app /code/app

USER fastapi

CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "80"]
