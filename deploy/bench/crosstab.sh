#!/usr/bin/env bash
# The crosstab (GET /api/v1/admin/surveys/relationship-nps/crosstab) on the generated data set: NPS bands by plan
# over a year, by month over a year (13 columns, a CASE over the months' boundaries) and by segment over the
# default 90 days; each beside the same-work baseline, CrosstabBaseline.java: plain JDBC sending the four
# statements CrosstabCounter sends (cells, column totals, row totals, total: COUNT(DISTINCT r.id) over response,
# answer and question, with the grouping's join), the same text, bound values, fetch size and transaction on one
# open connection; and the ratio. The app adds the statistics (z per cell, Holm, chi-square), HTTP, the token check
# and JSON. For reference the same statements with literals in psql, once as psql runs them (a simple query, which
# PostgreSQL may plan with parallel workers) and once with max_parallel_workers_per_gather = 0 (the serial plan
# that a JDBC portal with a row limit gets).
# JFR=FILE records the app during the timed calls (profile settings).
# Usage: deploy/bench/crosstab.sh DATABASE [repetitions]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DB=${1:?database}; REPS=${2:-10}; PORT=${PORT:-18407}; ZONE=${ZONE:-Europe/Berlin}
API="/api/v1/admin/surveys/relationship-nps/crosstab"
TODAY=$(TZ=$ZONE date +%F)
YEAR_FROM=$(TZ=$ZONE date -d "$TODAY - 364 days" +%F)
DAYS90_FROM=$(TZ=$ZONE date -d "$TODAY - 89 days" +%F)
# a day's start in the reporting zone as a UTC timestamp literal, as the app binds it
utc() { TZ=UTC date -d "TZ=\"$ZONE\" $1 00:00" '+%Y-%m-%d %H:%M:%S'; }
SID=$($PG -d "$DB" -At -c "SELECT id FROM survey WHERE slug = 'relationship-nps'")
# the months' CASE (CalendarColumns): first of the month of the start up to the month of today
month_case() {
  local m; m=$(date -d "${1:0:7}-01" +%F); local sql="CASE"
  while [[ "$m" < "$2" || "$m" == "$2" ]]; do
    local next; next=$(date -d "$m + 1 month" +%F)
    sql="$sql WHEN r.submitted_at >= TIMESTAMP '$(utc "$m")' AND r.submitted_at < TIMESTAMP '$(utc "$next")' THEN '${m:0:7}'"
    m=$next
  done
  echo "$sql END"
}
declare -A JOIN=([plan-year]=" JOIN customer c ON c.id = r.customer_id" [month-year]=""
  [segment-90d]=" JOIN response_segment rs ON rs.response_id = r.id JOIN segment g ON g.id = rs.segment_id")
declare -A GROUP=([plan-year]="c.plan" [month-year]="$(month_case "$YEAR_FROM" "$TODAY")" [segment-90d]="g.segment_key")
declare -A FROM_DAY=([plan-year]=$YEAR_FROM [month-year]=$YEAR_FROM [segment-90d]=$DAYS90_FROM)
statements() {
  local c=$1 g=${GROUP[$1]}
  local cond="r.survey_id = $SID AND r.submitted_at >= TIMESTAMP '$(utc "${FROM_DAY[$c]}")'"
  cond="$cond AND r.submitted_at < TIMESTAMP '$(utc "$(date -d "$TODAY + 1 day" +%F)")'"
  local base=" FROM response r JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id"
  local grouped="$base${JOIN[$c]} WHERE q.question_key = 'nps' AND $g IS NOT NULL AND $cond"
  local plain="$base WHERE q.question_key = 'nps' AND $cond"
  echo "SELECT a.option_code, a.score, $g, COUNT(DISTINCT r.id)$grouped GROUP BY a.option_code, a.score, $g;"
  echo "SELECT $g, COUNT(DISTINCT r.id)$grouped GROUP BY $g;"
  echo "SELECT a.option_code, a.score, COUNT(DISTINCT r.id)$plain GROUP BY a.option_code, a.score;"
  echo "SELECT COUNT(DISTINCT r.id)$plain;"
}
iso() { utc "$1" | tr ' ' T; }
PGJDBC=$(ls ~/.m2/repository/org/postgresql/postgresql/42.7.14/postgresql-42.7.14.jar)
# one crosstab of the baseline: its milliseconds and the respondents in all
spec() { printf '%s\t%s\t%s\t%s\n' "$(iso "${FROM_DAY[$1]}")" "$(iso "$(date -d "$TODAY + 1 day" +%F)")" "${JOIN[$1]}" "${GROUP[$1]}"; }
start_app "$PORT" "$DB" -Xmx512m
wait_ready "$PORT" > /dev/null
TOKEN=$(api_token "$PORT")
get() { curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -w '%{time_total}\n' "http://127.0.0.1:$PORT$API?$1"; }
ms() { echo "$1 * 1000" | bc; }
coproc BASELINE { java -cp "$PGJDBC" "$(dirname "$0")/CrosstabBaseline.java" "jdbc:postgresql://127.0.0.1:5432/$DB" "$SID"; }
declare -A QUERIES=(
  [plan-year]="question=nps&by=plan&from=$YEAR_FROM&to=$TODAY"
  [month-year]="question=nps&by=month&from=$YEAR_FROM&to=$TODAY"
  [segment-90d]="question=nps&by=segment")
CASES="plan-year month-year segment-90d"
# warm-up: one call of each case by both, the app's answer kept
for c in $CASES; do
  code=$(curl -s -o "$OUT/crosstab-$c.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$API?${QUERIES[$c]}")
  [ "$code" = 200 ] || { echo "crosstab $c: HTTP $code: $(head -c 300 "$OUT/crosstab-$c.json")" >&2; stop_app; exit 1; }
  spec "$c" >&"${BASELINE[1]}"; read -r _ total <&"${BASELINE[0]}"
  echo "$total" > "$OUT/crosstab-baseline-$c.txt"
done
: > "$OUT/crosstab-calls.txt"
[ -z "${JFR:-}" ] || jcmd "$APP_PID" JFR.start name=crosstab settings=profile filename="$JFR" > /dev/null
# each app call followed by the baseline's same crosstab, so that both see the same load
for _ in $(seq 1 "$REPS"); do
  for c in $CASES; do
    echo "$c app $(ms "$(get "${QUERIES[$c]}")")" >> "$OUT/crosstab-calls.txt"
    spec "$c" >&"${BASELINE[1]}"; read -r t _ <&"${BASELINE[0]}"
    echo "$c jdbc $t" >> "$OUT/crosstab-calls.txt"
  done
done
[ -z "${JFR:-}" ] || jcmd "$APP_PID" JFR.stop name=crosstab > /dev/null
exec {BASELINE[1]}>&-
stop_app
stats() { sort -n | awk '{a[NR]=$1} END {p = int(NR * 0.95 + 0.999); if (p > NR) p = NR; printf "%s %s", a[int((NR+1)/2)], a[p]}'; }
rows=$($PG -d "$DB" -At -c "SELECT COUNT(*) FROM response")
echo "crosstab ($rows responses), median / p95 of $REPS: app (admin API, NPS bands with z, Holm and chi-square) against the same work in plain JDBC (CrosstabCounter's four statements, CrosstabBaseline.java, run after each app call), and for reference psql (times summed)"
for c in $CASES; do
  app=$(awk -v s="$c" '$1 == s && $2 == "app" {print $3}' "$OUT/crosstab-calls.txt" | stats)
  jdbc=$(awk -v s="$c" '$1 == s && $2 == "jdbc" {print $3}' "$OUT/crosstab-calls.txt" | stats)
  # as psql runs them (PostgreSQL may plan them with parallel workers), and serial
  base=$(for _ in $(seq 1 "$REPS"); do
    { echo '\timing on'; statements "$c"; } | $PG -d "$DB" -o /dev/null | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p' \
      | awk '{s += $1} END {print s}'
  done | stats)
  serial=$(for _ in $(seq 1 "$REPS"); do
    { echo 'SET max_parallel_workers_per_gather = 0;'; echo '\timing on'; statements "$c"; } | $PG -d "$DB" -o /dev/null \
      | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p' | awk '{s += $1} END {print s}'
  done | stats)
  n=$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); print(len(t["columns"]), "columns,", sum(c["respondents"] or 0 for c in t["columns"]), "respondents in the columns,", sum(r["respondents"] or 0 for r in t["rows"]))' "$OUT/crosstab-$c.json")
  echo "  $c ($n in the rows, JDBC counted $(cat "$OUT/crosstab-baseline-$c.txt")): app ${app/ / ms \/ } ms, JDBC same work ${jdbc/ / ms \/ } ms, app/JDBC (medians) = $(ratio "${app%% *}" "${jdbc%% *}")x; psql ${base/ / ms \/ } ms, psql serial ${serial/ / ms \/ } ms"
done
