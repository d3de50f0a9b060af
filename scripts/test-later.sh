#!/usr/bin/env bash
# Runs every test (scripts/test.sh) as if today were DAYS days later (default 90), to find tests that pass today and
# fail once the calendar moves on: a fixed date that the real one overtakes, a clock set in the past. The processes'
# clock is moved with libfaketime (Debian's faketime package, installed here if missing); the file system keeps the
# real time (NO_FAKE_STAT). Not part of the test command: run it by hand before relying on dates in tests.
set -uo pipefail
cd "$(dirname "$0")/.."

days=${1:-90}
library=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
if [ ! -f "$library" ]; then
  echo "== Installing faketime"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends faketime >/dev/null
fi

# The machine's packages on the real clock: apt refuses package lists whose validity a moved clock has passed.
scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }

echo "== Testing as of $(FAKETIME="+${days}d" LD_PRELOAD="$library" date -u +%F)"
NO_FAKE_STAT=1 FAKETIME="+${days}d" LD_PRELOAD="$library" scripts/test.sh
