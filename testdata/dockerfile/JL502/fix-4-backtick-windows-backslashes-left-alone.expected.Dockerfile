# escape=`
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
COPY app.exe C:/app/app.exe
USER ContainerUser
# refused: hold backslashes
CMD ['C:\app\app.exe', '--port', '80']
