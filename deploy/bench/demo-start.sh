#!/usr/bin/env bash
# The README's first command as a newcomer meets it: the bundle with the run profile's options (-Xmx448m,
# SerialGC, --nohazelcast) on a fresh embedded H2 data directory with the demo, against plain Payara Micro
# serving an empty WAR with the same options, in the same run. Prints the time from launch to /health/ready,
# to the demo's survey answering, and the resident memory (VmRSS) after start and after 20 s of rest.
# Usage: deploy/bench/demo-start.sh   (targets of issue 15: ready < 15 s, RSS <= 700 MiB)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PORT=${PORT:-18406}; URL="http://127.0.0.1:$PORT"
OPTS=(-Xmx448m -XX:+UseSerialGC)
MICRO=$(ls ~/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar)
EMPTY="$OUT/empty"; rm -rf "$EMPTY"; mkdir -p "$EMPTY/WEB-INF"
echo '<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0"/>' > "$EMPTY/WEB-INF/web.xml"
(cd "$EMPTY" && jar cf ../ROOT.war WEB-INF)
since() { echo "scale=1; ($(date +%s%N) - $APP_START_NS) / 1000000000" | bc; }

echo "# $(date -u +%FT%TZ) nproc=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
java "${OPTS[@]}" -jar "$MICRO" --deploy "$OUT/ROOT.war" --port "$PORT" --disablephonehome --nohazelcast \
  > "$OUT/demo-start-plain.log" 2>&1 &
APP_PID=$!; APP_START_NS=$(date +%s%N)
for _ in $(seq 1 3000); do curl -s -o /dev/null "$URL/" && break; sleep 0.1; done
plain_ready=$(since); sleep 2; plain_rss=$(rss_mib "$APP_PID")
echo "baseline plain Payara Micro, empty WAR: answering after $plain_ready s, RSS $plain_rss MiB"
stop_app

data=$(mktemp -d /tmp/demo-start-XXXXXX)
RESONANCE_DATA_DIR="$data" java "${OPTS[@]}" -Dresonance.demo.enabled=true \
  -Dresonance.admin.password=resonance-demo -jar "$BUNDLE" --port "$PORT" --disablephonehome --nohazelcast \
  > "$OUT/demo-start-app.log" 2>&1 &
APP_PID=$!; APP_START_NS=$(date +%s%N)
ready=$(wait_ready "$PORT")
for _ in $(seq 1 3000); do curl -sf -o /dev/null "$URL/api/v1/surveys/relationship-nps" && break; sleep 0.1; done
demo=$(since); rss=$(rss_mib "$APP_PID"); sleep 20; rested=$(rss_mib "$APP_PID")
echo "app with the demo: ready after $ready s, demo survey answering after $demo s, RSS $rss MiB, after 20 s $rested MiB"
echo "app adds: $(echo "$ready - $plain_ready" | bc) s, $((rested - plain_rss)) MiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
stop_app; rm -rf "$data"
