#!/usr/bin/env bash
# Runs the main job on embedded defaults. Until the node host lands, that is the actor runtime's
# benchmark suite in its short mode (figures next to a same-run baseline, as ratios).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
exec dotnet run -c Release --project tests/ActorTrader.Benchmarks -- actors --quick "$@"
