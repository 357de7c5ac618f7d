# escape=`
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS win
WORKDIR C:\app
COPY app.exe .

FROM python:3.12-slim
ARG APP_HOME
ENV DATA_DIR=/var/lib/app
# unknown value: not judged
WORKDIR ${APP_HOME}
WORKDIR $DATA_DIR
COPY . .
USER nobody
CMD ["python", "main.py"]
