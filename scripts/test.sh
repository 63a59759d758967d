#!/usr/bin/env bash
# Installs what the tests need if it is missing (PostgreSQL, Chromium), starts a throwaway
# PostgreSQL cluster, checks formatting, runs every test project, and prints one closing line:
#   N passed, N failed, N skipped
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need=()
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} ..."
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null \
    || { echo "could not install ${need[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi
# Chromium's own service is not running here; make sure no stray system cluster holds a port we need.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

eval "$(scripts/pg-start.sh)" || { echo "could not start PostgreSQL"; echo "0 passed, 1 failed"; exit 1; }
export GRAPEVINE_TEST_POSTGRES GRAPEVINE_PG_DIR
trap 'scripts/pg-stop.sh "$GRAPEVINE_PG_DIR"' EXIT

failed_steps=0
dotnet tool restore >/dev/null
echo "== build"
if ! dotnet build Grapevine.slnx -c Debug --nologo -v q; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi
echo "== format"
if ! dotnet format Grapevine.slnx --verify-no-changes --no-restore -v q; then
  echo "dotnet format found files to fix (run: dotnet format Grapevine.slnx)"; failed_steps=$((failed_steps + 1))
fi

results="$root/TestResults"
rm -rf "$results"
export GRAPEVINE_TEST_OUTPUT="$root/test-output"
mkdir -p "$GRAPEVINE_TEST_OUTPUT"
for project in tests/Grapevine.Tests tests/Grapevine.IntegrationTests tests/Grapevine.BrowserTests; do
  name=$(basename "$project")
  echo "== $name"
  dotnet test "$project" --no-build --nologo -v q \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" \
    || true
done

passed=0; failed=$failed_steps; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  executed=$(get executed); total=$(get total)
  skipped=$((skipped + total - executed))
done
[ "$files" -eq 3 ] || { echo "only $files of 3 test projects reported results"; failed=$((failed + 3 - files)); }

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$skipped" -eq 0 ] && [ "$passed" -gt 0 ]
