#!/usr/bin/env bash
# A hostile database: the bundle on PostgreSQL with the demo while wrk submits (each with its own
# Idempotency-Key) and two curl loops read the admin API and the public definition and form, and every
# backend of the app's database is terminated (pg_terminate_backend) every KILL_EVERY seconds.
# Prints the answers by status and how many failures the app logged as unexpected (each a 500).
#   deploy/bench/terminations.sh [BUNDLE] [SECONDS]     KILL_EVERY=0.03 CONNS=16 for a harder run
set -uo pipefail
source "$(dirname "$0")/lib.sh"
JAR=${1:-$BUNDLE}; SECS=${2:-60}; PORT=${PORT:-18408}; DB=resonance_terminations
URL="http://127.0.0.1:$PORT"
$PG -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
data=$(mktemp -d /tmp/terminations-XXXXXX)
RESONANCE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" RESONANCE_DB_USER=postgres RESONANCE_DB_PASSWORD= \
RESONANCE_DATA_DIR="$data" RESONANCE_ADMIN_PASSWORD=$ADMIN_PASSWORD RESONANCE_DEMO_ENABLED=true \
RESONANCE_SUBMISSIONS_PER_MINUTE=0 \
  java -Xmx512m -jar "$JAR" --port "$PORT" --nocluster --disablephonehome > "$OUT/terminations.log" 2>&1 &
APP_PID=$!; APP_START_NS=$(date +%s%N)
echo "# $(date -u +%FT%TZ) ready after $(wait_ready "$PORT") s; terminating every ${KILL_EVERY:-0.15} s for $SECS s"
end=$((SECONDS + SECS))
( while [ $SECONDS -lt $end ]; do
    $PG -tAc "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
              WHERE datname = '$DB' AND pid <> pg_backend_pid() AND backend_type = 'client backend'" > /dev/null
    sleep "${KILL_EVERY:-0.15}"
  done ) &
( while [ $SECONDS -lt $end ]; do
    curl -s -o /dev/null -w '%{http_code}\n' -u "admin:$ADMIN_PASSWORD" "$URL/api/v1/admin/surveys/relationship-nps"
  done | sort | uniq -c | tr '\n' ' ' > "$OUT/terminations-admin.txt" ) &
( while [ $SECONDS -lt $end ]; do
    curl -s -o /dev/null -w '%{http_code}\n' "$URL/api/v1/surveys/relationship-nps"
    curl -s -o /dev/null -w '%{http_code}\n' "$URL/s/relationship-nps"
  done | sort | uniq -c | tr '\n' ' ' > "$OUT/terminations-public.txt" ) &
wrk -t2 -c"${CONNS:-8}" -d"${SECS}s" -s "$(dirname "$0")/submit.lua" "$URL/api/v1/surveys/relationship-nps/responses" \
  | grep -E "requests in|Non-2xx|Requests/sec"
wait $(jobs -p | grep -vx "$APP_PID") 2>/dev/null
echo "admin reads by status: $(cat "$OUT/terminations-admin.txt")"
echo "public reads by status: $(cat "$OUT/terminations-public.txt")"
echo "unexpected failures logged (500s): $(grep -c 'Unexpected failure' "$OUT/terminations.log")"
echo "failures answered 503 while the database failed: $(grep -c 'Failure while the database fails' "$OUT/terminations.log")"
stop_app; rm -rf "$data"
