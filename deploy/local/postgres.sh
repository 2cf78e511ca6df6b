#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1, from Debian's packages.
#   deploy/local/postgres.sh start|stop|kill|status|url
# Environment: PGPORT (15432), PORTALWATCH_CACHE (.cache). Data in $cache/pg survives
# stop/start. PostgreSQL refuses to run as root, so as root the cluster belongs to the
# `postgres` system user (created by the Debian package).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cache=${PORTALWATCH_CACHE:-$repo/.cache}
data=$cache/pg
port=${PGPORT:-15432}
url="postgresql://postgres@127.0.0.1:$port/postgres"

find_bindir() {
  local dir
  dir=$(pg_config --bindir 2>/dev/null || true)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  echo "$dir"
}

bindir() {
  local dir; dir=$(find_bindir)
  if { [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; } && [ "$(id -u)" -eq 0 ] \
      && command -v apt-get >/dev/null; then
    echo "postgres: installing Debian's postgresql package" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
    dir=$(find_bindir)
  fi
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    echo "postgres: no PostgreSQL server found; run scripts/bootstrap --system" >&2
    exit 1
  fi
  echo "$dir"
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local bin; bin=$(bindir)
  mkdir -p "$cache"
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$data"
    as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    echo "postgres: already running on $url"; return
  fi
  local t0=$SECONDS
  as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c full_page_writes=off" >/dev/null
  echo "postgres: up on $url in $((SECONDS - t0))s"
}

stop() {
  local bin; bin=$(bindir)
  local mode=${1:-fast}
  [ -f "$data/PG_VERSION" ] || return 0
  if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    # "kill" is an immediate shutdown: no checkpoint, crash recovery at the next start.
    as_owner "$bin/pg_ctl" -D "$data" -m "$mode" -w stop >/dev/null
    echo "postgres: stopped ($mode)"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop fast ;;
  kill) stop immediate ;;
  status) pg_isready -q -h 127.0.0.1 -p "$port" && echo "postgres: running on $url" || { echo "postgres: not running"; exit 1; } ;;
  url) echo "$url" ;;
  *) echo "usage: $0 start|stop|kill|status|url" >&2; exit 2 ;;
esac
