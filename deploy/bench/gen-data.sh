#!/usr/bin/env bash
# Fills a new PostgreSQL database with benchmark data and builds its rollups through the app.
# Usage: deploy/bench/gen-data.sh DATABASE CUSTOMERS RESPONSES   (e.g. perf_1m 10000 1000000)
# 1. the app creates the schema (its Flyway migrations) and the demo (surveys, segments, accounts);
# 2. deploy/bench/generate.sql adds CUSTOMERS customers and RESPONSES NPS responses over two years
#    (segments, German and English comments, the Business dip and recovery) inside PostgreSQL;
# 3. the app rebuilds the rollups (POST /api/v1/admin/analytics/rollups/rebuild, RollupUpdater's
#    set-based rebuild: two INSERT ... SELECT statements);
# 4. a check that the rollups count every scored answer once for all responses and once per segment
#    membership (the script fails otherwise).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DB=${1:?database}; CUSTOMERS=${2:-10000}; RESPONSES=${3:-1000000}; PORT=${PORT:-18401}
[ -f "$BUNDLE" ] || (cd "$BENCH_ROOT" && ./mvnw -B -q -pl deploy -am package -DskipTests)
$PG -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
DEMO=true start_app "$PORT" "$DB" -Xmx1g
echo "schema and demo ready after $(wait_ready "$PORT") s"
stop_app
t0=$(date +%s)
$PG -d "$DB" -v customers="$CUSTOMERS" -v responses="$RESPONSES" -f "$BENCH_ROOT/deploy/bench/generate.sql" \
  | tee "$OUT/generate-$DB.log" | grep -E 'Time:|customers|^ *[0-9]' | tail -4
t1=$(date +%s)
echo "loaded $RESPONSES responses in $((t1 - t0)) s"
start_app "$PORT" "$DB" -Xmx1g
wait_ready "$PORT" > /dev/null
t2=$(date +%s)
curl -sf -u "admin:$ADMIN_PASSWORD" -X POST --max-time 7200 \
  "http://127.0.0.1:$PORT/api/v1/admin/analytics/rollups/rebuild"
echo
t3=$(date +%s)
echo "rollups rebuilt through the app in $((t3 - t2)) s (app start before it: $((t2 - t1)) s)"
stop_app
$PG -d "$DB" -c "VACUUM ANALYZE" -c "SELECT COUNT(*) AS rollup_rows FROM score_rollup"
# The rollup totals against the raw rows, per segment (0 = all responses), per question type.
mismatches=$($PG -d "$DB" -At -c "
WITH scored AS (
  SELECT r.id, q.question_type FROM response r JOIN answer a ON a.response_id = r.id
  JOIN question q ON q.id = a.question_id
  WHERE a.score IS NOT NULL AND q.question_type IN ('NPS', 'CSAT', 'CES', 'RATING')),
raw AS (
  SELECT question_type, 0 AS segment_id, COUNT(*) AS n FROM scored GROUP BY question_type
  UNION ALL
  SELECT s.question_type, m.segment_id, COUNT(*) FROM scored s JOIN response_segment m ON m.response_id = s.id
  GROUP BY s.question_type, m.segment_id),
rolled AS (SELECT question_type, segment_id, SUM(n) AS n FROM score_rollup GROUP BY question_type, segment_id)
SELECT COUNT(*) FROM raw FULL JOIN rolled USING (question_type, segment_id)
WHERE raw.n IS DISTINCT FROM rolled.n")
[ "$mismatches" = 0 ] || { echo "rollups differ from the raw counts in $mismatches (type, segment) pairs" >&2; exit 1; }
echo "rollup totals equal the raw counts for every question type and segment"
