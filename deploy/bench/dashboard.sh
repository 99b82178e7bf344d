#!/usr/bin/env bash
# Dashboard p95 (trend by week + segment comparison, the admin API) idle, then while wrk submits at
# about 70% of the maximum ingest rate (from ingest.sh's results/ingest-max-rate, or the argument).
# Usage: deploy/bench/dashboard.sh DATABASE [max-ingest-rate]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DB=${1:?database}; MAX=${2:-$(cat "$OUT/ingest-max-rate")}; PORT=${PORT:-18406}; CONN=8
FROM=$(date -u -d '90 days ago' +%F); TO=$(date -u +%F); YEAR=$(date -u -d '365 days ago' +%F)
start_app "$PORT" "$DB" -Xmx512m
wait_ready "$PORT" > /dev/null
export WRK_TOKEN=$(api_token "$PORT")
export WRK_PATHS="/api/v1/admin/analytics/trend?survey=relationship-nps&segment=business&granularity=WEEK&from=$YEAR&to=$TO /api/v1/admin/analytics/segments?survey=relationship-nps&from=$FROM&to=$TO"
B="http://127.0.0.1:$PORT"
wrk -t1 -c2 -d10s -s "$(dirname "$0")/get.lua" "$B" > /dev/null   # warm-up
idle=$(wrk -t1 -c2 -d20s -s "$(dirname "$0")/get.lua" "$B" | grep RESULT)
# each of CONN connections pauses so that together they send about 70% of the maximum rate
delay=$(echo "1000 * $CONN / (0.7 * $MAX)" | bc)
WRK_DELAY_MS=$delay wrk -t1 -c$CONN -d32s -s "$(dirname "$0")/submit.lua" \
  "$B/api/v1/surveys/relationship-nps/responses" > "$OUT/dashboard-ingest.txt" &
INGEST=$!
sleep 6
busy=$(wrk -t1 -c2 -d20s -s "$(dirname "$0")/get.lua" "$B" | grep RESULT)
wait $INGEST
stop_app
ing=$(grep RESULT "$OUT/dashboard-ingest.txt")
p_idle=$(echo "$idle" | sed -E 's/.*p95_ms=([0-9.]+).*/\1/'); p_busy=$(echo "$busy" | sed -E 's/.*p95_ms=([0-9.]+).*/\1/')
echo "dashboard idle:         $idle"
echo "dashboard under ingest: $busy"
echo "ingest meanwhile (aim 70% of $MAX/s): $ing"
echo "dashboard p95 ratio busy/idle = $(ratio "$p_busy" "$p_idle") (target <= 1.5)"
