#!/usr/bin/env bash
# Builds and starts the embedded-default node (hocon/node.conf) in the foreground.
# Extra arguments go to the node, e.g. ./run.sh --set actortrader.management.port=0
# Stop it with Ctrl+C or SIGTERM (graceful, coordinated shutdown; a second signal forces the exit).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out=src/ActorTrader.Node/bin/run   # under bin/, so git ignores it
# Quiet unless the build fails.
if ! log=$(dotnet build src/ActorTrader.Node/ActorTrader.Node.csproj -c Release -o "$out" -nologo -v quiet -tl:off 2>&1); then echo "$log" >&2; exit 1; fi
exec dotnet "$out/ActorTrader.Node.dll" --config hocon/node.conf "$@"
