#!/usr/bin/env bash
# Restores a backup made by pg-backup.sh into an EMPTY database (create it first, for example with
# createdb), then start Resonance against it. Refuses a database that already has Resonance's tables.
#   deploy/backup/pg-restore.sh FILE
# Connection from libpq's variables: PGHOST, PGPORT, PGUSER, PGPASSWORD (or ~/.pgpass), PGDATABASE.
set -euo pipefail
file="${1:?usage: pg-restore.sh FILE}"
: "${PGDATABASE:?set PGDATABASE (and PGHOST, PGPORT, PGUSER as needed)}"
existing=$(psql -X -A -t -v ON_ERROR_STOP=1 -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'flyway_schema_history'" "$PGDATABASE")
if [ "$existing" != "0" ]; then
  echo "database $PGDATABASE is not empty; restore into a new database" >&2
  exit 2
fi
pg_restore --exit-on-error --single-transaction --no-owner --no-privileges --dbname="$PGDATABASE" "$file"
echo "restored $file into $PGDATABASE"
