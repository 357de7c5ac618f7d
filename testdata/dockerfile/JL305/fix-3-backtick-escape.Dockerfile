# escape=`
FROM python:3.12-slim
COPY requirements.txt .
RUN python -m pip install `
        -r requirements.txt `
    && python -m pip check
USER 1000
CMD ["python", "-m", "app"]
