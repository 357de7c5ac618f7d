# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]
RUN Invoke-WebRequest -Uri https://nodejs.org/dist/v20.11.0/node-v20.11.0-win-x64.zip -OutFile node.zip; `
    Expand-Archive node.zip -DestinationPath C:\; `
    Rename-Item C:\node-v20.11.0-win-x64 C:\nodejs; `
    Remove-Item node.zip
# label: unmerged-run
RUN setx /M PATH $($Env:PATH + ';C:\nodejs')
WORKDIR C:\app
COPY package.json package-lock.json ./
# label: missing-cleanup
RUN npm ci --omit=dev
COPY . .
USER ContainerUser
# label: entrypoint-cmd
CMD node server.js
