# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN Write-Host 'hello'; `
    New-Item -ItemType Directory -Path C:\app | Out-Null
WORKDIR C:\app
USER ContainerUser
CMD ["powershell", "-File", "C:\\app\\run.ps1"]
