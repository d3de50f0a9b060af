#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into a stopped DueDiligence on SQLite. Every file is checked against the
# backup's manifest (SHA-256) before anything is written. A data folder that already holds data is replaced only
# with --force, and only while no app has its database open.
#   scripts/restore.sh <backup-folder> [--data-directory <folder>] [--force]
# Without --data-directory the target is the app's configured data folder: DataDirectory (default ./data), and the
# evidence goes to Evidence__Root when that is set. DUEDILIGENCE_APP names the app's folder (default artifacts/publish).
# See docs/operations.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

usage() {
  echo "Usage: scripts/restore.sh <backup-folder> [--data-directory <folder>] [--force]" >&2
  exit 2
}

[ $# -ge 1 ] && [ -n "$1" ] && [[ "$1" != -* ]] || usage
backup=$(realpath -m -- "$1")
shift
options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --data-directory)
      [ $# -ge 2 ] && [ -n "$2" ] || usage
      options+=(--data-directory "$(realpath -m -- "$2")")
      shift 2
      ;;
    --force)
      options+=(--force)
      shift
      ;;
    *) usage ;;
  esac
done

app=$(realpath -m -- "${DUEDILIGENCE_APP:-$root/artifacts/publish}")
if [ ! -x "$app/DueDiligence.Web" ]; then
  echo "No published app in $app: run ./scripts/run.sh once (then stop it), or set DUEDILIGENCE_APP to the folder of the installed app." >&2
  exit 1
fi

export DataDirectory="${DataDirectory:-$root/data}"
cd "$app"
exec ./DueDiligence.Web restore --from "$backup" "${options[@]}"
