#!/usr/bin/env bash
# Start-up: launch to /health/ready and RSS after start, for the bundle (default, and with
# --nohazelcast) against plain Payara Micro serving an empty WAR with the same options.
# Usage: deploy/bench/startup.sh DATABASE
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DB=${1:?database}; PORT=${PORT:-18405}
MICRO=$(ls ~/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar)
EMPTY="$OUT/empty"; rm -rf "$EMPTY"; mkdir -p "$EMPTY/WEB-INF"
echo '<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0"/>' > "$EMPTY/WEB-INF/web.xml"
(cd "$EMPTY" && jar cf ../ROOT.war WEB-INF)
measure() {  # label, then what start_app needs
  local label=$1; shift
  "$@"
  local s; s=$(wait_ready "$PORT"); sleep 2
  echo "startup $label: ready after $s s, RSS $(rss_mib "$APP_PID") MiB"
  stop_app
}
plain() {
  java -Xmx512m -jar "$MICRO" --deploy "$OUT/ROOT.war" --port "$PORT" --disablephonehome ${MICRO_OPTS:-} \
    > "$OUT/plain-$PORT.log" 2>&1 &
  APP_PID=$!; APP_START_NS=$(date +%s%N)
}
measure "baseline plain Payara Micro, empty WAR" plain
measure "app bundle" start_app "$PORT" "$DB" -Xmx512m
MICRO_OPTS=--nohazelcast measure "baseline plain Payara Micro, empty WAR, --nohazelcast" plain
MICRO_OPTS=--nohazelcast measure "app bundle --nohazelcast" start_app "$PORT" "$DB" -Xmx512m
echo "(target: app < 15 s)"
