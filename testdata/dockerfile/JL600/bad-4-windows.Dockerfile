# escape=`
# expect: JL600
FROM mcr.microsoft.com/windows/servercore
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
WORKDIR C:\app
COPY app.exe .
USER ContainerUser
ENTRYPOINT ["C:\\app\\app.exe"]
