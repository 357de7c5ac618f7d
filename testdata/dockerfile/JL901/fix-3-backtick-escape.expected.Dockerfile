# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
LABEL org.opencontainers.image.authors="C:\Users\ops ``ops`` team"
RUN powershell -Command `
    Write-Host hello
USER ContainerUser
