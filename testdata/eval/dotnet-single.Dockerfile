# label: root-user
FROM mcr.microsoft.com/dotnet/sdk:7.0
WORKDIR /app
# label: cache-busting
COPY . ./
RUN dotnet restore
# label: unmerged-run
RUN dotnet publish -c Release -o out
# label: entrypoint-cmd
ENTRYPOINT dotnet out/Todo.Api.dll
