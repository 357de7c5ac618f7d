FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
WORKDIR /src
# expect: JL101 "COPY the project files (*.csproj) and RUN dotnet restore"
COPY . .
RUN dotnet publish Api/Api.csproj -c Release -o /out

FROM mcr.microsoft.com/dotnet/aspnet:8.0
WORKDIR /app
COPY --from=build /out .
USER app
ENTRYPOINT ["dotnet", "Api.dll"]
