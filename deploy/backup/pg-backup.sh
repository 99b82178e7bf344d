#!/usr/bin/env bash
# Backs up the Resonance PostgreSQL database to one file (pg_dump's custom format: compressed,
# consistent while the application runs, restorable table by table).
#   deploy/backup/pg-backup.sh [FILE]
# Connection from libpq's variables: PGHOST, PGPORT, PGUSER, PGPASSWORD (or ~/.pgpass), PGDATABASE.
set -euo pipefail
file="${1:-resonance-$(date -u +%Y%m%dT%H%M%SZ).dump}"
: "${PGDATABASE:?set PGDATABASE (and PGHOST, PGPORT, PGUSER as needed)}"
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$file.partial" "$PGDATABASE"
mv "$file.partial" "$file"
echo "backup of $PGDATABASE written to $file ($(stat -c %s "$file") bytes)"
