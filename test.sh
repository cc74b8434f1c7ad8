#!/usr/bin/env bash
# Restores, builds (warnings are errors) and runs every test project, then prints the totals.
# Starts a throwaway PostgreSQL (deploy/postgres/test-server.sh) for the persistence tests and stops it on exit;
# installs Debian's chromium (as root) for the dashboard's browser tests when it is missing.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Slow shared CI machines get more time per expectation (see TestKitSettings.TimeFactor).
if [[ "${CI:-}" == "true" && -z "${ACTORTRADER_TEST_TIMEFACTOR:-}" ]]; then export ACTORTRADER_TEST_TIMEFACTOR=3; fi

# The dashboard's browser tests drive Debian's Chromium through Playwright (never a browser Playwright downloads).
if [[ ! -x /usr/bin/chromium ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    echo "Chromium not found; installing the Debian package chromium for the dashboard's browser tests" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
      || echo "apt-get install chromium failed: the dashboard's browser tests will fail" >&2
  else
    echo "Chromium (/usr/bin/chromium) not found and not root: the dashboard's browser tests will fail. Fix: apt-get install chromium" >&2
  fi
fi

dotnet restore ActorTrader.sln
dotnet build ActorTrader.sln -c Release --no-restore

log=$(mktemp)
pgdir=$(mktemp -d "${TMPDIR:-/tmp}/actortrader-pg.XXXXXX")
trap 'deploy/postgres/test-server.sh stop "$pgdir" >/dev/null 2>&1 || true; rm -f "$log"' EXIT
# The PostgreSQL backend runs the same behaviour suite as SQLite; the server lives only as long as this script.
eval "$(deploy/postgres/test-server.sh start "$pgdir")"
status=0
dotnet test ActorTrader.sln -c Release --no-build --blame-hang-timeout 5m 2>&1 | tee "$log" || status=$?

# Sum the runner's per-project totals ("Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12").
read -r passed failed skipped < <(grep -E '(Passed|Failed)!? +- +Failed: +[0-9]+' "$log" | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [[ "$status" -eq 0 && "$passed" -eq 0 ]]; then echo "No test ran." >&2; exit 1; fi
exit "$status"
