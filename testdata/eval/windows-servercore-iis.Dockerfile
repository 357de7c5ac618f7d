# escape=`
# label: root-user
FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN Remove-Website -Name 'Default Web Site'
# label: unmerged-run
RUN New-Website -Name 'shop' -Port 80 -PhysicalPath 'C:\inetpub\shop'
COPY publish/ C:/inetpub/shop/
EXPOSE 80
