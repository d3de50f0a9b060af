#!/usr/bin/env bash
# Builds everything and runs every test project (domain, web, end-to-end in real Chromium).
# Ends with the line "N passed, N failed[, N skipped]"; exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

# The layout check counts as one test: a violation fails the run, and the other tests still run.
echo "== Checking the code layout (dotnet format whitespace)"
layout_failed=0
if ! dotnet format whitespace DueDiligence.sln --verify-no-changes; then
  echo "   Code layout differs from .editorconfig: run 'dotnet format whitespace DueDiligence.sln' and commit the result."
  layout_failed=1
fi

echo "== Building"
if ! dotnet build DueDiligence.sln -c Debug -nologo -v quiet; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

# The end-to-end tests start the published app, as a server runs it: the build output serves
# blazor.web.js and the component library's files only in Development.
echo "== Publishing the app for the end-to-end tests"
if ! dotnet publish src/DueDiligence.Web/DueDiligence.Web.csproj -c Debug --no-build -o artifacts/app -nologo -v quiet; then
  echo "Publish failed."
  echo "0 passed, 1 failed"
  exit 1
fi

# The web tests run on SQLite (the embedded default) and on PostgreSQL, started here in a folder of this run, and on
# SQL Server when SQLSERVER_TEST_CONNECTION is set.
echo "== Starting PostgreSQL for the tests"
if ! postgres_dir=$(scripts/postgres.sh start); then
  echo "PostgreSQL did not start."
  echo "0 passed, 1 failed"
  exit 1
fi
trap 'scripts/postgres.sh stop "$postgres_dir"' EXIT

passed=$((1 - layout_failed)); failed=$layout_failed; skipped=0
runs=()
for project in tests/*/; do
  runs+=("$(basename "$project")|$project|sqlite")
  if [ "$(basename "$project")" = "DueDiligence.Web.Tests" ]; then
    runs+=("DueDiligence.Web.Tests.PostgreSQL|$project|postgres")
    # A third run on SQL Server where one is reachable (none runs on the build machines): README, "Tests".
    [ -n "${SQLSERVER_TEST_CONNECTION:-}" ] && runs+=("DueDiligence.Web.Tests.SqlServer|$project|sqlserver")
  fi
done
for run in "${runs[@]}"; do
  IFS='|' read -r name project database <<<"$run"
  echo "== $name"
  log="$results/$name.log"
  TEST_DATABASE=$database TEST_POSTGRES_SOCKET=$postgres_dir dotnet test "$project" -c Debug --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" >"$log" 2>&1
  # Show each failure with its message and the top of its stack; the whole log stays in $log.
  grep -E -A15 '^\s+Failed [A-Za-z]' "$log" | head -600
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "   $name produced no results (the test host crashed or did not start)."
    failed=$((failed + 1))
    continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  t=$(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")
  e=$(sed -E 's/.* executed="([0-9]+)".*/\1/' <<<"$counters")
  s=$((t - e))
  echo "   $name: $p passed, $f failed, $s skipped"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
