FROM alpine:3.20 AS fetch
RUN set -o pipefail && wget -qO- https://example.com/tool.tar | tar -x -C /usr/local/bin

FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN Get-ChildItem C:\Windows | Select-Object -First 3 | Out-File C:\listing.txt

FROM alpine:3.20
COPY --from=fetch /usr/local/bin/tool /usr/local/bin/tool
# a python heredoc is not shell
RUN <<EOS
#!/usr/bin/env python3
import sys; print(len(sys.argv) | 1)
EOS
USER nobody
CMD ["tool"]
