#!/usr/bin/env bash
# Benchmark: the customer list and segment counts with 100,000 customers.
# Imports 100,000 customers through the admin API (in CSV chunks under the 1 MB body limit), then times
# pages of the customer list (first, deep, sorted, filtered) and the segment list with its live counts.
# Usage: deploy/bench/customers-100k.sh [base-url] [admin-password]   (defaults: http://localhost:8080 resonance-demo)
set -euo pipefail
BASE="${1:-http://localhost:8080}"
AUTH="admin:${2:-resonance-demo}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

plans=(starter business enterprise)
regions=(DACH Nordics UK France Benelux)
echo "Importing 100,000 customers ..."
for chunk in $(seq 0 9); do
    file="$TMP/chunk-$chunk.csv"
    echo "external_id;name;email;plan;region;renewal_date;industry" > "$file"
    for i in $(seq 1 10000); do
        n=$((chunk * 10000 + i))
        printf 'B-%06d;Bench Customer %d;b%d@bench.example;%s;%s;2027-%02d-%02d;ind%d\n' \
            "$n" "$n" "$n" "${plans[$((n % 3))]}" "${regions[$((n % 5))]}" $((n % 12 + 1)) $((n % 28 + 1)) $((n % 7))
    done >> "$file"
    curl -sf -u "$AUTH" -H 'Content-Type: text/csv' --data-binary @"$file" "$BASE/api/v1/admin/customers/import" > /dev/null
    echo "  chunk $chunk imported"
done

time_get() {
    local label="$1" path="$2"
    local seconds
    seconds=$(curl -sf -o /dev/null -w '%{time_total}' -u "$AUTH" "$BASE$path")
    printf '%-45s %6.3f s\n' "$label" "$seconds"
}

echo "Timings (each request once warm-up, then measured):"
for path in "/api/v1/admin/customers?limit=50" "/api/v1/admin/segments"; do
    curl -sf -o /dev/null -u "$AUTH" "$BASE$path"
done
time_get "first page, 50, by external id" "/api/v1/admin/customers?limit=50"
time_get "page at offset 99,000, by name" "/api/v1/admin/customers?offset=99000&limit=50&sort=name"
time_get "page sorted by renewal date, descending" "/api/v1/admin/customers?limit=50&sort=renewalDate&order=desc"
time_get "segments with live counts" "/api/v1/admin/segments"
