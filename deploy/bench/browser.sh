#!/usr/bin/env bash
# The response browser (GET /api/v1/admin/surveys/relationship-nps/responses) on the generated data set:
# the newest page, a page 5,000 responses deep (reached by following 'next' 200 times, as a user paging on
# would), Business detractors, a search in the comments and a topic; each beside one plain SQL statement
# doing the same keyset page (the page's responses with their answers, server time in psql), and the ratio.
# Also EXPLAIN ANALYZE of the deep page, which must be an index scan of ix_response_survey_submitted_id
# starting at the cursor (cost independent of the depth).
# Usage: deploy/bench/browser.sh DATABASE [repetitions]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DB=${1:?database}; REPS=${2:-20}; PORT=${PORT:-18406}
API="/api/v1/admin/surveys/relationship-nps/responses"
start_app "$PORT" "$DB" -Xmx512m
wait_ready "$PORT" > /dev/null
TOKEN=$(api_token "$PORT")
get() { curl -sf -H "Authorization: Bearer $TOKEN" -w '\n%{time_total}\n' "http://127.0.0.1:$PORT$API?$1"; }
ms() { echo "$1 * 1000" | bc; }
# "median p95" (nearest rank) of the numbers on stdin
stats() { sort -n | awk '{a[NR]=$1} END {p = int(NR * 0.95 + 0.999); if (p > NR) p = NR; printf "%s %s", a[int((NR+1)/2)], a[p]}'; }
next_of() { sed -nE 's/.*"next":"([^"]+)".*/\1/p' <<< "$1"; }
# the cursor's "time|id" (base64url without padding)
decode() { local c=${1//-/+}; c=${c//_//}; while [ $(( ${#c} % 4 )) -ne 0 ]; do c="$c="; done; base64 -d <<< "$c"; }
cursor=""; for _ in $(seq 1 200); do out=$(get "limit=25${cursor:+&cursor=$cursor}"); cursor=$(next_of "$out"); done
DEEP=$cursor
declare -A QUERIES=(
  [newest]="limit=25"
  [deep]="limit=25&cursor=$DEEP"
  [business-detractors]="limit=25&segment=business&band=detractor"
  [search]="limit=25&q=invoice"
  [topic]="limit=25&topic=PRICE")
CASES="newest deep business-detractors search topic"
for c in $CASES; do get "${QUERIES[$c]}" > /dev/null; done   # warm-up
: > "$OUT/browser-calls.txt"
for _ in $(seq 1 "$REPS"); do
  for c in $CASES; do echo "$c $(ms "$(get "${QUERIES[$c]}" | tail -1)")" >> "$OUT/browser-calls.txt"; done
done
stop_app
SID=$($PG -d "$DB" -At -c "SELECT id FROM survey WHERE slug = 'relationship-nps'")
FROM=$(date -u -d '3660 days ago' +%F); TO=$(date -u -d 'tomorrow' +%F)
IFS='|' read -r DEEP_AT DEEP_ID <<< "$(decode "$DEEP")"
BUSINESS=$($PG -d "$DB" -At -c "SELECT id FROM segment WHERE segment_key = 'business'")
text() { echo "EXISTS (SELECT 1 FROM answer t JOIN question tq ON tq.id = t.question_id WHERE t.response_id = r.id
  AND tq.question_type IN ('SHORT_TEXT', 'LONG_TEXT') AND ($1))"; }
declare -A WHERE=(
  [newest]="TRUE"
  [deep]="r.submitted_at <= TIMESTAMP '$DEEP_AT' AND (r.submitted_at < TIMESTAMP '$DEEP_AT' OR r.id < $DEEP_ID)"
  [business-detractors]="EXISTS (SELECT 1 FROM response_segment f WHERE f.response_id = r.id AND f.segment_id = $BUSINESS)
  AND EXISTS (SELECT 1 FROM answer s JOIN question sq ON sq.id = s.question_id WHERE s.response_id = r.id
  AND sq.question_key = 'nps' AND s.score BETWEEN 0 AND 6)"
  [search]="$(text "LOWER(t.text_value) LIKE '%invoice%'")"
  [topic]="$(text "LOWER(t.text_value) LIKE ANY (ARRAY['%price%', '%pricing%', '%expensive%', '%cost%', '%cheap%',
  '%invoice%', '%licen%', '%preis%', '%teuer%', '%kosten%', '%günstig%', '%rechnung%', '%lizenz%'])")")
sql() { echo "WITH page AS (SELECT r.id, r.submitted_at, v.version_no, r.status, r.channel, r.locale, c.external_id
  FROM response r JOIN survey_version v ON v.id = r.survey_version_id LEFT JOIN customer c ON c.id = r.customer_id
  WHERE r.survey_id = $SID AND r.submitted_at >= TIMESTAMP '$FROM' AND r.submitted_at < TIMESTAMP '$TO' AND $1
  ORDER BY r.submitted_at DESC, r.id DESC FETCH FIRST 26 ROWS ONLY)
SELECT p.*, a.score, a.text_value FROM page p LEFT JOIN answer a ON a.response_id = p.id
ORDER BY p.submitted_at DESC, p.id DESC"; }
rows=$($PG -d "$DB" -At -c "SELECT COUNT(*) FROM response")
echo "response browser ($rows responses), median / p95 of $REPS: app (admin API, 25 a page) against plain SQL (same keyset page with its answers, psql server time)"
for c in $CASES; do
  app=$(awk -v s="$c" '$1 == s {print $2}' "$OUT/browser-calls.txt" | stats)
  base=$(for _ in $(seq 1 "$REPS"); do
    $PG -d "$DB" -c '\timing on' -c "$(sql "${WHERE[$c]}")" -o /dev/null | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p'
  done | stats)
  echo "  $c: app ${app/ / ms \/ } ms, SQL ${base/ / ms \/ } ms, app/SQL (medians) = $(ratio "${app%% *}" "${base%% *}")x"
done
echo "EXPLAIN ANALYZE of the deep page (5,000 responses in):"
$PG -d "$DB" -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) $(sql "${WHERE[deep]}")" | grep -E "Index|Limit|rows=" | head -8
