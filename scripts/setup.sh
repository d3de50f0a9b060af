#!/usr/bin/env bash
# Installs what DueDiligence needs on a fresh Debian machine, idempotently:
# Chromium (PDFs and browser tests), fonts (PDFs), poppler-utils (PDF checks), the local dotnet tools, and for the
# tests: PostgreSQL (server-database tests; scripts/postgres.sh starts its own server), nginx (the reverse proxy in front
# of two app processes; the tests start it themselves, the system service is not used) and docker-compose (validates
# docker-compose.yml; no Docker engine is needed for that).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
[ -d /usr/share/fonts/truetype/liberation ] || missing+=(fonts-liberation)
# The PostgreSQL server, for the tests that run on it (scripts/postgres.sh).
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -x /usr/bin/docker-compose ] || missing+=(docker-compose)

if [ ${#missing[@]} -gt 0 ]; then
  echo "== Installing machine packages: ${missing[*]}"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK (10.0.401 or later feature band, see global.json) is not on PATH; install it first." >&2
  exit 1
fi

echo "== Restoring local dotnet tools"
dotnet tool restore >/dev/null
