# escape=`
FROM alpine:3.20 AS base
ENV APP_HOME=/srv/app

# ENV carries into a stage built FROM this one
FROM base AS app
WORKDIR $APP_HOME
COPY . .
USER nobody
CMD ["./run.sh"]

FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win
ENV ProgramFiles="C:\Program Files" `
    PSCORE="$ProgramFiles\PowerShell\pwsh.exe"
WORKDIR C:\app
USER ContainerUser
CMD ["cmd", "/c", "echo", "done"]
