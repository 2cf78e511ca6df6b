#!/usr/bin/env bash
# A real Apicurio Registry on 127.0.0.1 with in-memory storage (H2 in memory: every start
# is empty), serving the Confluent-compatible API under /apis/ccompat/v7. It runs from the
# registry's `tar.gz:all` distribution on Maven Central; no Docker.
#   deploy/local/registry.sh start|stop|status
# start  fetches and unpacks the distribution once, starts the registry in the background and
#        returns when GET /apis/ccompat/v7/subjects answers 200; a no-op when ours runs.
# stop   SIGTERM (SIGKILL after REGISTRY_STOP_TIMEOUT s). status: exit 0 when ours runs.
# Environment: REGISTRY_PORT (18081), REGISTRY_STATE_DIR ($cache/registry-run),
# PORTALWATCH_CACHE (<repo>/.cache), REGISTRY_START_TIMEOUT (90), REGISTRY_STOP_TIMEOUT (20),
# REGISTRY_HEAP (-Xmx512m).
# Version: 3.0.9 is the newest release on Maven Central that runs on Java 17; the 3.1+
# releases (3.3.x) are compiled for Java 21 (class file 65) and fail at boot on Java 17.
# Needs: java 17+, mvn, curl.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cache=${PORTALWATCH_CACHE:-$repo/.cache}
version=3.0.9
dist=$cache/apicurio-registry-$version
state=${REGISTRY_STATE_DIR:-$cache/registry-run}
port=${REGISTRY_PORT:-18081}
start_timeout=${REGISTRY_START_TIMEOUT:-90}
stop_timeout=${REGISTRY_STOP_TIMEOUT:-20}
heap=${REGISTRY_HEAP:--Xmx512m}
pidfile=$state/registry.pid
probe=http://127.0.0.1:$port/apis/ccompat/v7/subjects

# shellcheck source=deploy/local/lib.sh
source "$repo/deploy/local/lib.sh"

# Our registry: the pid file names a live process running the registry's runner jar.
running() {
  [ -f "$pidfile" ] || return 1
  local pid; pid=$(cat "$pidfile")
  [ -n "$pid" ] && alive "$pid" \
    && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'apicurio-registry-app-.*-runner\.jar'
}

fetch_dist() {
  if [ -f "$dist/.complete" ]; then return; fi
  local t0; t0=$(now)
  local artifact=io.apicurio:apicurio-registry-app:$version:tar.gz:all
  echo "registry: fetching $artifact from Maven Central"
  rm -rf "$dist" "$cache/downloads"
  mkdir -p "$cache/downloads" "$dist"
  # Run from the cache folder, so that no pom.xml around is taken as the project.
  (cd "$cache/downloads" && mvn -q -B -Dstyle.color=never dependency:copy \
    -Dartifact="$artifact" -DoutputDirectory="$cache/downloads" >"$cache/registry-mvn.log" 2>&1) \
    || { cat "$cache/registry-mvn.log" >&2; exit 1; }
  local tarball="$cache/downloads/apicurio-registry-app-$version-all.tar.gz"
  local size; size=$(du -h "$tarball" | cut -f1)
  tar -xzf "$tarball" -C "$dist"
  rm -rf "$cache/downloads"
  touch "$dist/.complete"
  echo "registry: fetched ($size tar.gz) and unpacked in $(since "$t0")s, $(du -sh "$dist" | cut -f1) in $dist"
}

start() {
  if running; then
    echo "registry: already running (pid $(cat "$pidfile")) on http://127.0.0.1:$port"
    return
  fi
  if port_in_use "$port"; then
    echo "registry: port 127.0.0.1:$port is taken by another process (not our registry);" \
         "set REGISTRY_PORT or SCHEMA_REGISTRY_URL" >&2
    exit 1
  fi
  fetch_dist
  mkdir -p "$state"
  local t0; t0=$(now)
  # Deletes allowed everywhere (Apicurio 3 gates some of them), as a Confluent registry does.
  (cd "$state" && exec setsid nohup java $heap -Xms64m -Djava.awt.headless=true \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
    -Dapicurio.storage.kind=sql -Dapicurio.storage.sql.kind=h2 \
    -Dapicurio.rest.deletion.group.enabled=true \
    -Dapicurio.rest.deletion.artifact.enabled=true \
    -Dapicurio.rest.deletion.artifact-version.enabled=true \
    -Dapicurio.storage.snapshot.location="$state" \
    -Djava.io.tmpdir="$state" \
    -jar "$dist/apicurio-registry-app-$version-runner.jar" \
    </dev/null >"$state/registry.log" 2>&1) &
  local pid=$!
  echo "$pid" >"$pidfile"
  local deadline=$((SECONDS + start_timeout)) code=000
  while [ "$SECONDS" -lt "$deadline" ]; do
    if ! alive "$pid"; then
      echo "registry: process $pid exited during start; last lines of $state/registry.log:" >&2
      tail -n 40 "$state/registry.log" >&2
      rm -f "$pidfile"
      exit 1
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$probe" || true)
    [ "$code" = 200 ] && break
    sleep 0.2
  done
  if [ "$code" != 200 ]; then
    echo "registry: $probe did not answer 200 within ${start_timeout}s (last: $code);" \
         "last lines of $state/registry.log:" >&2
    tail -n 40 "$state/registry.log" >&2
    stop KILL >&2
    exit 1
  fi
  echo "registry: up on http://127.0.0.1:$port (Confluent API /apis/ccompat/v7) in $(since "$t0")s (pid $pid)"
}

stop() {
  local signal=${1:-TERM}
  if ! running; then
    rm -f "$pidfile"
    echo "registry: not running"
    return
  fi
  stop_server registry "$pidfile" "$signal" "$stop_timeout" "$port"
}

case "${1:-}" in
  start) start ;;
  stop) stop TERM ;;
  kill) stop KILL ;;
  status)
    if running; then echo "registry: running (pid $(cat "$pidfile")) on http://127.0.0.1:$port"
    else echo "registry: not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|kill|status" >&2; exit 2 ;;
esac
