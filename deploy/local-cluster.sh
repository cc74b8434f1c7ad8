#!/usr/bin/env bash
# A local three-node ActorTrader cluster on loopback, for trying the cluster out and for drills:
#
#   deploy/local-cluster.sh start [DIR]   build the node and CLI, start a throwaway PostgreSQL and three nodes:
#                                         node-1 [trader, research], node-2 [trader, research], node-3 [research, ingest]
#                                         (trader nodes with --live-clock on one shared paper account)
#   deploy/local-cluster.sh status [DIR]  each node's pid and management URL, and node-1's view of the cluster
#   deploy/local-cluster.sh stop [DIR]    stop the nodes (SIGTERM, coordinated shutdown) and the PostgreSQL server
#
# DIR defaults to ./local-cluster. Each node keeps its files in DIR/node-N (node.conf, data/, console.log); the CLI talks
# to any of them: ./actortrader status --config DIR/node-2/node.conf. Kill one (kill -9 $(cat DIR/node-1/pid)) and watch
# the other trader take the account's lease within the TTL (5 s).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

usage() { echo "usage: $0 start|status|stop [DIR]" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 ]] || usage
command=$1
dir=$(realpath -m "${2:-local-cluster}")
nodes=(node-1 node-2 node-3)
node_dll="$repo/src/ActorTrader.Node/bin/Release/net10.0/ActorTrader.Node.dll"

roles_of() { case $1 in node-1|node-2) echo "trader, research";; node-3) echo "research, ingest";; esac; }
args_of() { case $1 in node-1|node-2) echo "--live-clock";; *) echo "";; esac; }

write_config() {
  local node=$1 connection=$2
  mkdir -p "$dir/$node/data"
  cat > "$dir/$node/node.conf" <<CONF
actortrader {
  node { name = "$node", roles = [$(roles_of "$node")], data-dir = "$dir/$node/data" }
  management.port = 0
  persistence {
    journal = postgresql
    postgresql { connection-string = "$connection", schema = "public" }
  }
  cluster.enabled = on
  # One paper account for the whole cluster (it stands in for the broker): whichever trader node holds the lease trades it.
  broker { kind = paper, paper.state-file = "$dir/shared/paper-broker.db" }
  data.csv.dir = "$repo/data/samples"
}
CONF
}

endpoint_url() { sed -n 's/.*"url": *"\([^"]*\)".*/\1/p' "$dir/$1/data/node.endpoint.json" 2>/dev/null; }

start() {
  mkdir -p "$dir/shared"
  if [[ -f "$dir/node-1/pid" ]] && kill -0 "$(cat "$dir/node-1/pid")" 2>/dev/null; then echo "The cluster in $dir is running; stop it first." >&2; exit 1; fi
  echo "Building the node and the CLI ..." >&2
  dotnet build src/ActorTrader.Node/ActorTrader.Node.csproj -c Release -v quiet -nologo >&2
  dotnet build src/ActorTrader.Cli/ActorTrader.Cli.csproj -c Release -v quiet -nologo >&2
  eval "$(deploy/postgres/test-server.sh start "$dir/postgres")"
  echo "$ACTORTRADER_TEST_POSTGRES" > "$dir/postgres.connection"
  for node in "${nodes[@]}"; do
    write_config "$node" "$ACTORTRADER_TEST_POSTGRES"
    # shellcheck disable=SC2046
    nohup dotnet "$node_dll" --config "$dir/$node/node.conf" $(args_of "$node") > "$dir/$node/console.log" 2>&1 &
    echo $! > "$dir/$node/pid"
  done
  for node in "${nodes[@]}"; do
    for _ in $(seq 1 120); do
      [[ -n "$(endpoint_url "$node")" ]] && break
      kill -0 "$(cat "$dir/$node/pid")" 2>/dev/null || { echo "$node exited; see $dir/$node/console.log" >&2; tail -20 "$dir/$node/console.log" >&2; exit 1; }
      sleep 0.5
    done
    [[ -n "$(endpoint_url "$node")" ]] || { echo "$node did not open its management API within 60 s; see $dir/$node/console.log" >&2; exit 1; }
    echo "$node (pid $(cat "$dir/$node/pid"), roles $(roles_of "$node")) on $(endpoint_url "$node")"
  done
  echo "Cluster running in $dir. Try: ./actortrader status --config $dir/node-3/node.conf ; $0 status $dir ; $0 stop $dir"
}

status() {
  for node in "${nodes[@]}"; do
    local pid=""; [[ -f "$dir/$node/pid" ]] && pid=$(cat "$dir/$node/pid")
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then echo "$node: running (pid $pid) on $(endpoint_url "$node")"; else echo "$node: not running"; fi
  done
  local url token
  url=$(endpoint_url node-1 || true); token=$(cat "$dir/node-1/data/management.token" 2>/dev/null || true)
  if [[ -n "$url" && -n "$token" ]]; then curl -fsS -H "Authorization: Bearer $token" "${url%/}/api/cluster" && echo; fi
}

stop() {
  for node in "${nodes[@]}"; do
    [[ -f "$dir/$node/pid" ]] && kill -TERM "$(cat "$dir/$node/pid")" 2>/dev/null || true
  done
  for node in "${nodes[@]}"; do
    [[ -f "$dir/$node/pid" ]] || continue
    local pid; pid=$(cat "$dir/$node/pid")
    for _ in $(seq 1 90); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then echo "$node did not stop within 45 s; killing it" >&2; kill -KILL "$pid" 2>/dev/null || true; fi
    rm -f "$dir/$node/pid"
    echo "$node stopped"
  done
  if [[ -d "$dir/postgres" ]]; then deploy/postgres/test-server.sh stop "$dir/postgres" >/dev/null 2>&1 || true; echo "PostgreSQL stopped"; fi
}

case $command in
  start) start ;;
  status) status ;;
  stop) stop ;;
  *) usage ;;
esac
