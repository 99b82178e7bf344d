#!/usr/bin/env bash
# CSV export of every relationship-nps response through the admin API with the app held to -Xmx256m
# (peak heap sampled by jstat every 200 ms), against psql's COPY ... TO STDOUT of the same responses.
# Usage: deploy/bench/export.sh DATABASE
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DB=${1:?database}; PORT=${PORT:-18404}
start_app "$PORT" "$DB" -Xmx256m
wait_ready "$PORT" > /dev/null
TOKEN=$(api_token "$PORT")
( while kill -0 "$APP_PID" 2>/dev/null; do jstat -gc "$APP_PID" 2>/dev/null | tail -1; sleep 0.2; done ) \
  > "$OUT/export-jstat.txt" &
SAMPLER=$!
t0=$(date +%s%N)
curl -sf -H "Authorization: Bearer $TOKEN" -o "$OUT/export.csv" \
  "http://127.0.0.1:$PORT/api/v1/admin/analytics/exports/responses?survey=relationship-nps"
t1=$(date +%s%N)
rss=$(rss_mib "$APP_PID")
stop_app; kill "$SAMPLER" 2>/dev/null || true
# jstat -gc columns: S0C S1C S0U S1U EC EU OC OU ...: used heap = S0U + S1U + EU + OU (KB)
peak_mib=$(awk 'NF > 8 && $1 ~ /^[0-9.]+$/ {u = $3 + $4 + $6 + $8; if (u > m) m = u} END {printf "%d", m / 1024}' "$OUT/export-jstat.txt")
rows=$(($(wc -l < "$OUT/export.csv") - 1))
app_s=$(echo "scale=2; ($t1 - $t0) / 1000000000" | bc)
app_rate=$(echo "$rows / $app_s" | bc)
size=$(du -m "$OUT/export.csv" | cut -f1); rm -f "$OUT/export.csv"
t0=$(date +%s%N)
brows=$($PG -d "$DB" -c "COPY (SELECT r.id, r.submitted_at, r.channel, r.locale, r.customer_id, a.score, a.text_value
  FROM response r JOIN answer a ON a.response_id = r.id
  WHERE r.survey_id = (SELECT id FROM survey WHERE slug = 'relationship-nps') ORDER BY r.id) TO STDOUT WITH CSV" | wc -l)
t1=$(date +%s%N)
base_s=$(echo "scale=2; ($t1 - $t0) / 1000000000" | bc)
base_rate=$(echo "$brows / $base_s" | bc)
echo "export app: $rows responses ($size MB CSV) in $app_s s = $app_rate rows/s, peak heap used $peak_mib MiB (-Xmx256m), RSS $rss MiB"
echo "export baseline (psql COPY TO STDOUT, $brows answer rows): $base_s s = $base_rate rows/s"
echo "export ratio app/baseline = $(ratio "$app_rate" "$base_rate") (target: >= 100000 rows/s, heap < 256 MB)"
