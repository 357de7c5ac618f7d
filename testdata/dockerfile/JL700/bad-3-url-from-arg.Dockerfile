FROM mcr.microsoft.com/cbl-mariner/base/core:2.0
ARG PS_PACKAGE_URL=https://github.com/PowerShell/PowerShell/releases/download/v7.4.2/powershell-7.4.2-1.cm.x86_64.rpm
# the source is a URL once the ARG is expanded
# expect: JL700
ADD ${PS_PACKAGE_URL} /tmp/powershell.rpm
RUN tdnf install -y /tmp/powershell.rpm && tdnf clean all && rm /tmp/powershell.rpm
USER 1000
CMD ["pwsh"]
