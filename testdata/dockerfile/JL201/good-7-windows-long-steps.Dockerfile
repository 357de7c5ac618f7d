# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN Invoke-WebRequest https://example.com/a.zip -OutFile a.zip; Expand-Archive a.zip C:\a; Remove-Item a.zip
RUN Invoke-WebRequest https://example.com/b.zip -OutFile b.zip; Expand-Archive b.zip C:\b; Remove-Item b.zip
USER ContainerUser
ENTRYPOINT ["C:\\a\\a.exe"]
