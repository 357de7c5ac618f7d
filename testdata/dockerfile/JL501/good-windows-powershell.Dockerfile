FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
USER ContainerUser
CMD Write-Host 'ready'; Start-Sleep -Seconds 3600
