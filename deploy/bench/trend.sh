#!/usr/bin/env bash
# Trend per segment per week over two years: the admin API (rollups, six calls: all + five segments)
# against one plain SQL GROUP BY over the raw responses computing the same counts.
# Median and p95 per call (each segment), of the six calls together, and of the raw GROUP BY.
# Usage: deploy/bench/trend.sh DATABASE [repetitions of the API calls] [repetitions of the raw GROUP BY]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DB=${1:?database}; REPS=${2:-20}; RAW_REPS=${3:-5}; PORT=${PORT:-18403}
FROM=$(date -u -d '730 days ago' +%F); TO=$(date -u +%F)
start_app "$PORT" "$DB" -Xmx512m
wait_ready "$PORT" > /dev/null
TOKEN=$(api_token "$PORT")
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# "median p95" (nearest rank) of the numbers on stdin
stats() { sort -n | awk '{a[NR]=$1} END {p = int(NR * 0.95 + 0.999); if (p > NR) p = NR; printf "%s %s", a[int((NR+1)/2)], a[p]}'; }
SEGMENTS="all enterprise-dach enterprise-international business starter onboarding"
call() {
  local seg=$1 q="survey=relationship-nps&granularity=WEEK&from=$FROM&to=$TO"
  [ "$seg" = all ] || q="$q&segment=$seg"
  curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$PORT/api/v1/admin/analytics/trend?$q"
}
for seg in $SEGMENTS; do call "$seg" > /dev/null; done   # warm-up
: > "$OUT/trend-calls.txt"
for _ in $(seq 1 "$REPS"); do
  total=0
  for seg in $SEGMENTS; do
    ms=$(echo "$(call "$seg") * 1000" | bc); echo "$seg $ms" >> "$OUT/trend-calls.txt"
    total=$(echo "$total + $ms" | bc)
  done
  echo "six $total" >> "$OUT/trend-calls.txt"
done
stop_app
SQL="SELECT rs.segment_id, date_trunc('week', (r.submitted_at AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Berlin') AS week,
  COUNT(*) AS n, SUM(CASE WHEN a.score >= 9 THEN 1 ELSE 0 END) AS promoters, SUM(CASE WHEN a.score <= 6 THEN 1 ELSE 0 END) AS detractors
FROM response r JOIN answer a ON a.response_id = r.id
JOIN question q ON q.id = a.question_id AND q.question_type = 'NPS' AND q.question_key = 'nps'
LEFT JOIN response_segment rs ON rs.response_id = r.id
WHERE r.survey_id = (SELECT id FROM survey WHERE slug = 'relationship-nps') AND a.score IS NOT NULL
  AND r.submitted_at >= TIMESTAMP '$FROM' - INTERVAL '1 day'
GROUP BY GROUPING SETS ((week), (rs.segment_id, week))"
sql_stats=$(for _ in $(seq 1 "$RAW_REPS"); do
  $PG -d "$DB" -c '\timing on' -c "$SQL" -o /dev/null | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p'
done | stats)
rows=$($PG -d "$DB" -At -c "SELECT COUNT(*) FROM response")
echo "trend app (rollups through the admin API, all + 5 segments by ISO week, 2 years, $rows responses), median / p95 of $REPS:"
for seg in $SEGMENTS six; do
  echo "  $seg: $(awk -v s="$seg" '$1 == s {print $2}' "$OUT/trend-calls.txt" | stats | sed 's/ / ms \/ /') ms"
done
app_ms=$(awk '$1 == "six" {print $2}' "$OUT/trend-calls.txt" | median)
sql_ms=${sql_stats%% *}
echo "trend baseline (one SQL GROUP BY GROUPING SETS over raw responses for all six, server time), median / p95 of $RAW_REPS: ${sql_stats/ / ms \/ } ms"
echo "trend speed-up baseline / six app calls (medians) = $(ratio "$sql_ms" "$app_ms")x (target: app < 200 ms and >= 10x)"
