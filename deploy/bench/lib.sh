# Shared helpers of the benchmark scripts (sourced). PostgreSQL at 127.0.0.1:5432, user postgres.
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUNDLE="${BUNDLE:-$BENCH_ROOT/deploy/target/resonance.jar}"
OUT="${OUT:-$BENCH_ROOT/deploy/bench/results}"
PG="psql -X -q -h 127.0.0.1 -U postgres"
ADMIN_PASSWORD=${ADMIN_PASSWORD:-bench-admin}
mkdir -p "$OUT"

# start_app PORT DATABASE [java options...]: starts the bundle in the background, sets APP_PID.
# With CDS=FILE.jsa it uses that AppCDS archive of the bundle's classes, or, while the file does not
# exist yet, writes it when this run ends (a training run: start, wait for ready, stop_app).
start_app() {
  local port=$1 db=$2; shift 2
  if [ -n "${CDS:-}" ]; then
    if [ -f "$CDS" ]; then set -- "-XX:SharedArchiveFile=$CDS" "$@"; else set -- "-XX:ArchiveClassesAtExit=$CDS" "$@"; fi
  fi
  RESONANCE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" RESONANCE_DB_USER=postgres \
  RESONANCE_ADMIN_PASSWORD=$ADMIN_PASSWORD RESONANCE_SUBMISSIONS_PER_MINUTE=0 \
  RESONANCE_DEMO_ENABLED="${DEMO:-false}" RESONANCE_MAIL_POLLSECONDS=3600 \
    java "$@" -jar "$BUNDLE" --port "$port" --disablephonehome ${MICRO_OPTS:---nocluster} \
    > "$OUT/app-$port.log" 2>&1 &
  APP_PID=$!
  APP_START_NS=$(date +%s%N)
}

# wait_ready PORT: waits (at most 300 s) for /health/ready, prints the seconds since start_app
wait_ready() {
  local port=$1
  for _ in $(seq 1 3000); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; then
      echo "scale=1; ($(date +%s%N) - $APP_START_NS) / 1000000000" | bc
      return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "app died, see $OUT/app-$port.log" >&2; return 1; }
    sleep 0.1
  done
  echo "not ready after 300 s" >&2; return 1
}

stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }

rss_mib() { echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$1/status") / 1024 )); }

# api_token PORT: a Bearer token for the admin API (Basic auth costs a PBKDF2 hash per request)
api_token() {
  curl -sf -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -d '{"name": "bench", "scopes": ["read:analytics", "read:responses", "write:responses", "write:surveys", "admin"]}' \
    "http://127.0.0.1:$1/api/v1/admin/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

ratio() { echo "scale=2; $1 / $2" | bc; }
