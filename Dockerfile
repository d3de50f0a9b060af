# DueDiligence: a self-contained .NET 10 app (runtime 10.0.15 bundled) with Debian's Chromium for PDF reports.
# Not built here (no Docker engine on the development machines); kept correct by reading. See docs/deployment.md.

# .NET 10 publishes Debian images only as Debian 13 (trixie); the plain 10.0 tags are Ubuntu, whose chromium is a snap.
FROM mcr.microsoft.com/dotnet/sdk:10.0-trixie-slim AS build
WORKDIR /src
COPY global.json nuget.config Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY src/DueDiligence.Domain/DueDiligence.Domain.csproj src/DueDiligence.Domain/
COPY src/DueDiligence.Web/DueDiligence.Web.csproj src/DueDiligence.Web/
RUN dotnet restore src/DueDiligence.Web/DueDiligence.Web.csproj
COPY src/ src/
RUN dotnet publish src/DueDiligence.Web/DueDiligence.Web.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-trixie-slim AS final
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-dejavu-core fonts-liberation \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /app duediligence \
 && mkdir -p /data && chown duediligence /data
WORKDIR /app
COPY --from=build /app ./
USER duediligence
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DataDirectory=/data \
    DemoData__Enabled=false
VOLUME ["/data"]
EXPOSE 8080
# Ready (docs/operations.md): the database reads, the evidence folder takes a file, Chromium is there. bash for /dev/tcp.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s CMD ["/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"Healthy\"' <&3"]
ENTRYPOINT ["./DueDiligence.Web"]
