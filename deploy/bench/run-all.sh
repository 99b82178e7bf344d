#!/usr/bin/env bash
# Runs every benchmark on one generated database and writes the figures to deploy/bench/results/.
# Usage: deploy/bench/run-all.sh [customers] [responses]   (default 10000 1000000; the database is
# $DB or perf_<responses>, generated unless it exists; GEN=1 forces a new one)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
CUSTOMERS=${1:-10000}; RESPONSES=${2:-1000000}; DB=${DB:-perf_$RESPONSES}; B="$(dirname "$0")"
exists=$($PG -d postgres -At -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")
if [ -z "$exists" ] || [ "${GEN:-0}" = 1 ]; then "$B/gen-data.sh" "$DB" "$CUSTOMERS" "$RESPONSES"; fi
{
  echo "# $(date -u +%FT%TZ) nproc=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg) $DB"
  "$B/trend.sh" "$DB"
  "$B/export.sh" "$DB"
  "$B/ingest.sh" "$DB" 30 16
  "$B/dashboard.sh" "$DB"
  "$B/browser.sh" "$DB"
  "$B/crosstab.sh" "$DB"
  "$B/startup.sh" "$DB"
} 2>&1 | tee "$OUT/run-all-$DB-$(date -u +%Y%m%dT%H%M).txt"
