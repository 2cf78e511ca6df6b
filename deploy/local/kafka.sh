#!/usr/bin/env bash
# A real single-node Apache Kafka broker (KRaft, broker+controller) on 127.0.0.1, run from
# the Maven Central jars; no Kafka distribution, no Docker.
#   deploy/local/kafka.sh start|stop|kill|status
# start  fetches the jars once, formats the log dir once, starts the broker in the background
#        and returns when an admin metadata call succeeds; a no-op when ours already runs.
# stop   SIGTERM (SIGKILL after KAFKA_STOP_TIMEOUT s); kill: SIGKILL at once. Data is kept,
#        so a later start is a restart of the same broker with the same topics.
# status exit 0 when our broker runs.
# Environment: KAFKA_PORT (19092), KAFKA_CONTROLLER_PORT (19093), KAFKA_STATE_DIR
# ($cache/kafka-run), PORTALWATCH_CACHE (<repo>/.cache), KAFKA_START_TIMEOUT (60),
# KAFKA_STOP_TIMEOUT (30), KAFKA_HEAP (-Xmx512m). A state dir stays tied to the ports it
# was formatted with: delete it to change them.
# Needs: a JDK 17+ (java, javac), mvn.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
here=$repo/deploy/local/kafka
cache=${PORTALWATCH_CACHE:-$repo/.cache}
libs=$cache/kafka-libs
classes=$cache/kafka-wait
state=${KAFKA_STATE_DIR:-$cache/kafka-run}
port=${KAFKA_PORT:-19092}
controller_port=${KAFKA_CONTROLLER_PORT:-19093}
start_timeout=${KAFKA_START_TIMEOUT:-60}
stop_timeout=${KAFKA_STOP_TIMEOUT:-30}
heap=${KAFKA_HEAP:--Xmx512m}
pidfile=$state/kafka.pid

# shellcheck source=deploy/local/lib.sh
source "$repo/deploy/local/lib.sh"

# Our broker: the pid file names a live process whose command line is kafka.Kafka.
running() {
  [ -f "$pidfile" ] || return 1
  local pid; pid=$(cat "$pidfile")
  [ -n "$pid" ] && alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka'
}

# Alive and not a zombie (a broker killed by the start that spawned it is not reaped yet).


fetch_jars() {
  local stamp; stamp=$(sha1sum "$here/pom.xml" | cut -c1-40)
  if [ "$(cat "$libs/.complete" 2>/dev/null)" = "$stamp" ]; then return; fi
  local t0; t0=$(now)
  echo "kafka: fetching broker jars from Maven Central into $libs"
  rm -rf "$libs"
  mkdir -p "$cache"
  mvn -q -B -Dstyle.color=never -f "$here/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$libs" >"$cache/kafka-mvn.log" 2>&1 || { cat "$cache/kafka-mvn.log" >&2; exit 1; }
  echo "$stamp" >"$libs/.complete"
  echo "kafka: jars fetched in $(since "$t0")s, $(du -sh "$libs" | cut -f1) in $libs"
}

compile_waiter() {
  if [ "$classes/WaitForKafka.class" -nt "$here/WaitForKafka.java" ] \
     && [ "$classes/WaitForKafka.class" -nt "$libs/.complete" ]; then return; fi
  mkdir -p "$classes"
  javac -nowarn -cp "$libs/*" -d "$classes" "$here/WaitForKafka.java"
}

write_config() {
  mkdir -p "$state/data"
  cat >"$state/server.properties" <<CONF
# Written by deploy/local/kafka.sh at each start.
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.quorum.bootstrap.servers=127.0.0.1:$controller_port
log.dirs=$state/data
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=true
delete.topic.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=3
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# A broker SIGKILLed and started again must wait out its old registration's session
# (default 9 s) before it is unfenced; fault tests restart often, so keep it short.
broker.heartbeat.interval.ms=1000
broker.session.timeout.ms=4000
log.segment.bytes=16777216
log.retention.hours=24
# Sized for a small local machine (two cores): Kafka's defaults (3 network, 8 I/O
# threads) are for servers with many disks and cores.
num.network.threads=2
num.io.threads=2
background.threads=2
CONF
}

start() {
  if running; then
    echo "kafka: already running (pid $(cat "$pidfile")) on 127.0.0.1:$port"
    return
  fi
  local p
  for p in "$port" "$controller_port"; do
    if port_in_use "$p"; then
      echo "kafka: port 127.0.0.1:$p is taken by another process (not our broker);" \
           "set KAFKA_PORT/KAFKA_CONTROLLER_PORT or KAFKA_BOOTSTRAP_SERVERS" >&2
      exit 1
    fi
  done
  fetch_jars
  compile_waiter
  write_config
  local t0; t0=$(now)
  if [ ! -f "$state/data/meta.properties" ]; then
    local cluster_id
    cluster_id=$(java -cp "$libs/*" kafka.tools.StorageTool random-uuid)
    java -cp "$libs/*" -Dlog4j2.configurationFile="$here/log4j2.xml" kafka.tools.StorageTool \
      format --standalone -t "$cluster_id" -c "$state/server.properties" >"$state/format.log" 2>&1 \
      || { cat "$state/format.log" >&2; exit 1; }
  fi
  # setsid: the broker outlives the shell (and a Ctrl-C of the test run) until stopped.
  # C1 only (TieredStopAtLevel=1) and the serial collector: a local broker is started
  # often and lives minutes to hours, so the C2 compiler's CPU at each start (it competes
  # with the workers on a small machine) costs more than its faster code gives back.
  setsid nohup java $heap -Xms128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$here/log4j2.xml" -cp "$libs/*" \
    kafka.Kafka "$state/server.properties" </dev/null >"$state/server.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$pidfile"
  if ! java -cp "$libs/*:$classes" WaitForKafka "127.0.0.1:$port" "$start_timeout" "$pid"; then
    echo "kafka: broker did not come up within ${start_timeout}s; last lines of $state/server.log:" >&2
    tail -n 40 "$state/server.log" >&2
    stop KILL >&2
    exit 1
  fi
  echo "kafka: broker up on 127.0.0.1:$port in $(since "$t0")s (pid $pid, data in $state/data)"
}

stop() {
  local signal=${1:-TERM}
  if ! running; then
    rm -f "$pidfile"
    echo "kafka: not running"
    return
  fi
  stop_server kafka "$pidfile" "$signal" "$stop_timeout" "$port" "$controller_port"
}

case "${1:-}" in
  start) start ;;
  stop) stop TERM ;;
  kill) stop KILL ;;
  status)
    if running; then echo "kafka: running (pid $(cat "$pidfile")) on 127.0.0.1:$port"
    else echo "kafka: not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|kill|status" >&2; exit 2 ;;
esac
