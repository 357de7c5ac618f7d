# escape=`

FROM mcr.microsoft.com/windows/servercore
SHELL ["powershell", "-Command"]
RUN Write-Host `
    C:\dir\file `
    # a comment inside

    done
COPY C:\src\ C:\dst\
