FROM python:3.12-slim
WORKDIR /app
# refused: requirements.txt (-e ./libs/common) installs a package in editable mode
COPY . .
RUN python -m pip install --no-cache-dir -r requirements.txt
CMD ["flask", "run"]
