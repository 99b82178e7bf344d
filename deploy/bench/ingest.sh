#!/usr/bin/env bash
# Submission ingest: POST /api/v1/surveys/relationship-nps/responses (unique Idempotency-Key each, rate
# limit off) with wrk, against single-row INSERTs with a commit each into the same database: pgbench (libpq)
# and a plain JDBC client (JdbcInsertBaseline.java, one thread per connection), both with CONN connections.
# Usage: deploy/bench/ingest.sh DATABASE [seconds] [connections]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DB=${1:?database}; SECONDS_=${2:-30}; CONN=${3:-16}; PORT=${PORT:-18402}
$PG -d "$DB" -c "DROP TABLE IF EXISTS bench_baseline" -c "CREATE TABLE bench_baseline (id BIGSERIAL PRIMARY KEY,
  survey_id BIGINT NOT NULL, score INTEGER NOT NULL, idem_key VARCHAR(200) NOT NULL, submitted_at TIMESTAMP NOT NULL)"
echo "INSERT INTO bench_baseline (survey_id, score, idem_key, submitted_at) VALUES (1, :client_id % 11, md5(random()::text), now());" \
  > "$OUT/baseline-insert.sql"
base=$(pgbench -n -h 127.0.0.1 -U postgres -c "$CONN" -j 2 -T "$SECONDS_" -f "$OUT/baseline-insert.sql" "$DB" 2>&1)
base_rate=$(echo "$base" | sed -nE 's/^tps = ([0-9.]+).*/\1/p')
base_lat=$(echo "$base" | sed -nE 's/^latency average = ([0-9.]+) ms/\1/p')
PGJDBC=$(ls ~/.m2/repository/org/postgresql/postgresql/42.7.14/postgresql-42.7.14.jar)
jdbc=$(java -cp "$PGJDBC" "$(dirname "$0")/JdbcInsertBaseline.java" \
  "jdbc:postgresql://127.0.0.1:5432/$DB" "$SECONDS_" "$CONN" | grep RESULT)
jdbc_rate=$(echo "$jdbc" | sed -E 's/.*rate=([0-9.]+).*/\1/')
$PG -d "$DB" -c "DROP TABLE bench_baseline"

start_app "$PORT" "$DB" -Xmx512m
trap stop_app EXIT   # a failed step must not leave the app on the port for the next run
wait_ready "$PORT" > /dev/null
URL="http://127.0.0.1:$PORT/api/v1/surveys/relationship-nps/responses"
wrk -t2 -c"$CONN" -d10s -s "$(dirname "$0")/submit.lua" "$URL" > /dev/null   # warm-up (JIT, pool)
app=$(wrk -t2 -c"$CONN" -d"${SECONDS_}s" -s "$(dirname "$0")/submit.lua" "$URL" | grep RESULT)
stop_app
app_rate=$(echo "$app" | sed -E 's/.*rate=([0-9.]+).*/\1/')
echo "ingest app:      $app"
echo "ingest baseline: pgbench single-row INSERT + commit, $CONN clients: rate=$base_rate avg_ms=$base_lat"
echo "ingest baseline: JDBC single-row INSERT + commit, $CONN connections: $jdbc"
echo "ingest ratio app/pgbench = $(ratio "$app_rate" "$base_rate"), app/JDBC = $(ratio "$app_rate" "$jdbc_rate")" \
  "(target >= 0.5, p99 < 50 ms); load: $(uptime | sed 's/.*load/load/')"
echo "$app_rate" > "$OUT/ingest-max-rate"
