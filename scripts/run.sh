#!/usr/bin/env bash
# Runs DueDiligence on http://127.0.0.1:5000 with demo data, on the embedded SQLite database in ./data.
# Set DataDirectory, DemoData__Enabled or URLS in the environment to change that.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/setup.sh
echo "== Publishing (Release) to artifacts/publish"
dotnet publish src/DueDiligence.Web/DueDiligence.Web.csproj -c Release -o artifacts/publish -nologo -v quiet

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export DataDirectory="${DataDirectory:-$root/data}"
export DemoData__Enabled="${DemoData__Enabled:-true}"
urls="${URLS:-http://127.0.0.1:5000}"
echo "== DueDiligence on $urls (data in $DataDirectory). Demo users are listed in README.md. Ctrl+C stops it."
cd artifacts/publish
exec ./DueDiligence.Web --urls "$urls"
