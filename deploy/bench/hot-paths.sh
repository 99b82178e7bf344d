#!/usr/bin/env bash
# The hot public paths beside the stack's ceiling (a static file through the same filter chain), on the
# embedded H2 demo, for one or more bundles one after the other in the same run:
#   deploy/bench/hot-paths.sh before=/work/before.jar after=deploy/target/resonance.jar
# Per bundle: a fresh data directory, the demo loaded, 5 s of warm-up per path, then wrk -t2 -c16 -d15s on
# /assets/form.js, the definition GET, the same GET cross-origin (the widget: its CORS check reads the
# survey), the form page and an admin read with an API token (Bearer: the token's look-up on every call); each rate with its ratio to the static file's and the load average after it.
# JFR=FILE records the definition GET (or the path at JFR_INDEX, 0 to 4) of the last bundle (profile settings)
# into FILE.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
B="$(cd "$(dirname "$0")" && pwd)"
PORT=${PORT:-18181}; DURATION=${DURATION:-15s}; SLUG=${SLUG:-relationship-nps}
ORIGIN=${ORIGIN:-https://shop.example.com}
URL="http://127.0.0.1:$PORT"

run_wrk() { # duration path [origin] [token] -> the RESULT line
  WRK_PATHS="$2" WRK_ORIGIN="${3:-}" WRK_TOKEN="${4:-}" wrk -t2 -c16 -d"$1" -s "$B/get.lua" "$URL" | grep RESULT
}
field() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<< "$2"; }

echo "# $(date -u +%FT%TZ) nproc=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg) wrk -t2 -c16 -d$DURATION, H2 demo"
last="${!#}"
for spec in "$@"; do
  label=${spec%%=*}; BUNDLE=${spec#*=}
  data=$(mktemp -d /tmp/hot-paths-XXXXXX)
  RESONANCE_DATA_DIR="$data" RESONANCE_DEMO_ENABLED=true RESONANCE_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  RESONANCE_SUBMISSIONS_PER_MINUTE=0 RESONANCE_MAIL_POLLSECONDS=3600 \
    java ${JAVA_OPTS:-} -jar "$BUNDLE" --port "$PORT" --disablephonehome --nocluster \
    > "$OUT/hot-paths-$label.log" 2>&1 &
  APP_PID=$!; APP_START_NS=$(date +%s%N)
  ready=$(wait_ready "$PORT")
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "$URL/api/v1/surveys/$SLUG" && break
    sleep 0.5
  done
  echo "## $label ($BUNDLE): ready after ${ready}s"
  token=$(curl -sf -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -d '{"name": "bench", "scopes": ["read:analytics", "read:responses", "write:responses", "write:surveys", "admin"]}' \
    "$URL/api/v1/admin/tokens" | sed -E 's/.*"token" *: *"([^"]+)".*/\1/')
  paths=("/assets/form.js" "/api/v1/surveys/$SLUG" "/api/v1/surveys/$SLUG" "/s/$SLUG" "/api/v1/admin/surveys/$SLUG")
  origins=("" "" "$ORIGIN" "" "")
  tokens=("" "" "" "" "$token")
  names=("static /assets/form.js" "definition GET /api/v1/surveys/$SLUG" \
    "widget GET /api/v1/surveys/$SLUG, Origin: $ORIGIN" "form page GET /s/$SLUG" \
    "admin GET /api/v1/admin/surveys/$SLUG, Bearer token")
  for i in "${!paths[@]}"; do run_wrk 5s "${paths[$i]}" "${origins[$i]}" "${tokens[$i]}" > /dev/null; done
  static=""
  for i in "${!paths[@]}"; do
    if [ -n "${JFR:-}" ] && [ "$spec" = "$last" ] && [ "$i" = "${JFR_INDEX:-1}" ]; then
      jcmd "$APP_PID" JFR.start name=hot settings=profile filename="$JFR" > /dev/null
    fi
    r=$(run_wrk "$DURATION" "${paths[$i]}" "${origins[$i]}" "${tokens[$i]}")
    if [ -n "${JFR:-}" ] && [ "$spec" = "$last" ] && [ "$i" = "${JFR_INDEX:-1}" ]; then
      jcmd "$APP_PID" JFR.stop name=hot > /dev/null
    fi
    rate=$(field rate "$r"); [ -z "$static" ] && static=$rate
    printf '%-62s %9s/s  ratio %5s  p99 %7s ms  errors %s  load %s\n' "${names[$i]}" "$rate" \
      "$(ratio "$rate" "$static")" "$(field p99_ms "$r")" "$(field errors "$r")" "$(cut -d' ' -f1-3 /proc/loadavg)"
  done
  stop_app
  rm -rf "$data"
done
