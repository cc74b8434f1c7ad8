#!/usr/bin/env bash
# Builds and runs the embedded-default node (hocon/node.conf) in the foreground: the main job.
#   ./run.sh                  replay the bundled data day by day on a virtual clock (60 trading days from
#                             actortrader.trading.day.replay.start), one line per day, a report in data/runs/<RUN_ID>/, exit 0
#   ./run.sh --days 5 --start 2022-10-03      a shorter replay from another date
#   ./run.sh --live-clock     trade on the wall clock and the real calendar until Ctrl+C / SIGTERM
# Other arguments go to the node, e.g. ./run.sh --set actortrader.management.port=0
# A replay killed midway continues after its last completed day when started again with the same arguments.
# Stop the node with Ctrl+C or SIGTERM (graceful, coordinated shutdown; a second signal forces the exit).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out=src/ActorTrader.Node/bin/run   # under bin/, so git ignores it
# Quiet unless the build fails.
if ! log=$(dotnet build src/ActorTrader.Node/ActorTrader.Node.csproj -c Release -o "$out" -nologo -v quiet -tl:off 2>&1); then echo "$log" >&2; exit 1; fi
mode=--replay
for arg in "$@"; do
  case "$arg" in --live-clock|--replay) mode= ;; esac
done
exec dotnet "$out/ActorTrader.Node.dll" --config hocon/node.conf ${mode:+"$mode"} "$@"
