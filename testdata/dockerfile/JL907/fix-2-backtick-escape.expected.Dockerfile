# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
ENV APP_HOME="C:\app"
LABEL description="A small service"
USER ContainerUser
