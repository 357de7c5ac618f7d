FROM python:3.12-slim
ARG APP_VERSION=dev
WORKDIR /code
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# LABEL and EXPOSE only describe the image, and an ENV built from a build argument changes with it: not reported
ENV APP_VERSION=${APP_VERSION}
LABEL org.opencontainers.image.source="https://example.com/repo"
EXPOSE 5000
RUN python -m compileall -q .
USER 1000
CMD ["flask", "run"]
