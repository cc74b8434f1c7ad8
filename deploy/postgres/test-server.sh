#!/usr/bin/env bash
# A throwaway PostgreSQL server for the persistence tests.
#
#   deploy/postgres/test-server.sh start DIR   initdb into DIR, start on a free loopback port (fsync on,
#                                              trust auth on loopback only), wait until ready and print
#                                              export ACTORTRADER_TEST_POSTGRES='Host=…;Port=…;…'
#   deploy/postgres/test-server.sh stop DIR    stop the server (fast) and remove DIR
#
# Running as root: the server binaries are installed with apt-get when missing, and initdb/pg_ctl run as
# the `postgres` OS user (PostgreSQL refuses to run as root), so DIR is handed to that user.
# Everything but the export line goes to stderr, so `eval "$(test-server.sh start DIR)"` works.
set -euo pipefail

usage() { echo "usage: $0 start DIR | stop DIR" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
command=$1
dir=$2

find_bindir() {
  local candidate
  if command -v pg_config >/dev/null 2>&1; then
    candidate=$(pg_config --bindir 2>/dev/null || true)
    if [[ -n "$candidate" && -x "$candidate/initdb" && -x "$candidate/pg_ctl" ]]; then echo "$candidate"; return 0; fi
  fi
  # Debian keeps the server binaries out of PATH, one directory per major version; take the newest.
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$candidate/initdb" && -x "$candidate/pg_ctl" ]]; then echo "$candidate"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"; return 0
  fi
  return 1
}

# Runs a server binary as the user that owns the data directory.
as_server_user() {
  if [[ $(id -u) -eq 0 ]]; then
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
  else
    "$@"
  fi
}

free_port() {
  # Ask the kernel for an unused loopback port.
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null && return 0
  local port
  for port in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "no free loopback port found" >&2
  return 1
}

start() {
  local bindir
  if ! bindir=$(find_bindir); then
    if [[ $(id -u) -eq 0 ]]; then
      echo "PostgreSQL server binaries not found; installing the Debian package postgresql" >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }
      bindir=$(find_bindir) || { echo "PostgreSQL server binaries still missing after apt-get install postgresql" >&2; exit 1; }
    else
      echo "PostgreSQL server binaries (initdb, pg_ctl) not found. Fix: apt-get install postgresql, or run as root so this script can" >&2
      exit 1
    fi
  fi

  if [[ -e "$dir" && -n "$(ls -A "$dir" 2>/dev/null)" ]]; then
    echo "$dir is not empty; refusing to initdb into it. Fix: pass a new or empty directory" >&2
    exit 1
  fi
  mkdir -p "$dir"
  local user
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || { echo "running as root but there is no 'postgres' OS user to run the server. Fix: apt-get install postgresql" >&2; exit 1; }
    chown postgres: "$dir"
    chmod 700 "$dir"
    user=postgres
  else
    user=$(id -un)
  fi

  as_server_user "$bindir/initdb" -D "$dir/data" -U "$user" -A trust --no-instructions -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; echo "initdb into $dir/data failed (log above)" >&2; exit 1; }

  # Loopback TCP only, no Unix socket in a shared directory; durable commits as in production.
  cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = on
synchronous_commit = on
max_connections = 200
EOF
  cat >"$dir/data/pg_hba.conf" <<EOF
host all all 127.0.0.1/32 trust
EOF

  local port attempt
  for attempt in 1 2 3; do
    port=$(free_port)
    if as_server_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
      break
    fi
    # Someone took the port between probing and binding: try another one.
    port=""
  done
  if [[ -z "$port" ]]; then
    cat "$dir/server.log" >&2 2>/dev/null || true
    echo "PostgreSQL did not start from $dir/data (server log above)" >&2
    exit 1
  fi

  local ready=""
  for attempt in $(seq 1 120); do
    if "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port"; then ready=yes; break; fi
    sleep 0.25
  done
  [[ -n "$ready" ]] || { echo "PostgreSQL on 127.0.0.1:$port did not become ready" >&2; exit 1; }

  echo "$port" >"$dir/port"
  echo "export ACTORTRADER_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=$user;Database=postgres'"
}

stop() {
  if [[ ! -d "$dir" ]]; then echo "$dir does not exist; nothing to stop" >&2; return 0; fi
  local bindir
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    bindir=$(find_bindir) || { echo "pg_ctl not found; cannot stop the server in $dir/data" >&2; exit 1; }
    as_server_user "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
  fi
  rm -rf "$dir"
}

case "$command" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
