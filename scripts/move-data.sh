#!/usr/bin/env bash
# Moves DueDiligence off SQLite: copies the database of the data directory into an EMPTY PostgreSQL or SQL Server
# database (ids, audit trail and data-protection keys included), then checks row counts and the audit chain there.
#   scripts/move-data.sh --to postgres|sqlserver --connection "<connection string>" [--evidence-to <new-folder>]
# Stop the app first. Uses the app's configuration, as scripts/run.sh starts it: DataDirectory (default ./data),
# Evidence__Root. The app is the one published by scripts/run.sh (artifacts/publish); DUEDILIGENCE_APP names another
# folder. See docs/operations.md, "Moving off SQLite".
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

usage() {
  echo "Usage: scripts/move-data.sh --to postgres|sqlserver --connection \"<connection string>\" [--evidence-to <new-folder>]" >&2
  exit 2
}

args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --to|--connection)
      [ $# -ge 2 ] || usage
      args+=("$1" "$2"); shift 2 ;;
    --evidence-to)
      [ $# -ge 2 ] && [ -n "$2" ] || usage
      # Relative to where the script is run, not to the app's folder.
      args+=("$1" "$(realpath -m -- "$2")"); shift 2 ;;
    *) usage ;;
  esac
done
[ ${#args[@]} -ge 4 ] || usage

app=$(realpath -m -- "${DUEDILIGENCE_APP:-$root/artifacts/publish}")
if [ ! -x "$app/DueDiligence.Web" ]; then
  echo "No published app in $app: run ./scripts/run.sh once, or set DUEDILIGENCE_APP to the folder of the installed app." >&2
  exit 1
fi

export DataDirectory="${DataDirectory:-$root/data}"
# The app resolves relative settings against its folder (the content root), as when scripts/run.sh starts it.
cd "$app"
exec ./DueDiligence.Web move-data "${args[@]}"
