# Helpers shared by the local server scripts (sourced, not run).

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
alive() { kill -0 "$1" 2>/dev/null && [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# stop_server NAME PIDFILE SIGNAL TIMEOUT PORT...
# Signal the process in PIDFILE, SIGKILL it after TIMEOUT seconds, then wait until its
# PORTs are closed (the listeners can trail the process's exit) and drop the pid file.
stop_server() {
  local name=$1 pidfile=$2 signal=$3 timeout=$4 i pid port
  shift 4
  pid=$(cat "$pidfile")
  kill -s "$signal" "$pid" 2>/dev/null || true
  for ((i = 0; i < timeout * 10; i++)); do
    alive "$pid" || break
    sleep 0.1
  done
  if alive "$pid"; then
    echo "$name: pid $pid still alive after ${timeout}s, sending SIGKILL" >&2
    kill -9 "$pid" 2>/dev/null || true
    while alive "$pid"; do sleep 0.1; done
  fi
  for port in "$@"; do
    for ((i = 0; i < 100; i++)); do
      port_in_use "$port" || break
      sleep 0.1
    done
  done
  rm -f "$pidfile"
  echo "$name: stopped (SIG$signal, pid $pid)"
}
