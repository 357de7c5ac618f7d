FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
RUN mkdir C:\app
# expect: JL201 "join their commands with `&&` in one RUN"
RUN setx PATH "%PATH%;C:\app"
COPY app.exe C:/app/
USER ContainerUser
ENTRYPOINT ["C:\\app\\app.exe"]
