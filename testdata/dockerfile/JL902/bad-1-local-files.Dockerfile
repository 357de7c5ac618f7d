FROM python:3.12-slim
WORKDIR /app
# expect: JL902
ADD requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
# expect: JL902
ADD --chown=nobody:nogroup src/ ./src/
USER nobody
CMD ["python", "-m", "src"]
