#!/usr/bin/env bash
# Backs up DueDiligence on SQLite while it runs: a consistent copy of the database, the evidence files, the
# data-protection keys folder (when there is one) and a manifest with the SHA-256 of every file.
#   scripts/backup.sh <new-backup-folder>
# Uses the app's configuration, as scripts/run.sh starts it: DataDirectory (default ./data), Evidence__Root.
# The app is the one published by scripts/run.sh (artifacts/publish); DUEDILIGENCE_APP names another folder.
# See docs/operations.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

if [ $# -ne 1 ] || [ -z "$1" ] || [[ "$1" == -* ]]; then
  echo "Usage: scripts/backup.sh <new-backup-folder>" >&2
  exit 2
fi
backup=$(realpath -m -- "$1")

app=$(realpath -m -- "${DUEDILIGENCE_APP:-$root/artifacts/publish}")
if [ ! -x "$app/DueDiligence.Web" ]; then
  echo "No published app in $app: run ./scripts/run.sh once, or set DUEDILIGENCE_APP to the folder of the installed app." >&2
  exit 1
fi

export DataDirectory="${DataDirectory:-$root/data}"
# The app resolves relative settings against its folder (the content root), as when scripts/run.sh starts it.
cd "$app"
exec ./DueDiligence.Web backup --to "$backup"
