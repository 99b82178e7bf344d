#!/usr/bin/env bash
# Restores a backup made by h2-backup.sh into a NEW, empty H2 database, then start Resonance with
# RESONANCE_DATA_DIR (or RESONANCE_DB_URL) pointing at it. Refuses an existing database file.
#   deploy/backup/h2-restore.sh FILE
set -euo pipefail
file="${1:?usage: h2-restore.sh FILE}"
data="${RESONANCE_DATA_DIR:-./data}"
if [ -z "${RESONANCE_DB_URL:-}" ] && [ -e "$data/resonance.mv.db" ]; then
  echo "$data/resonance.mv.db exists; restore into a new data directory" >&2
  exit 2
fi
url="${RESONANCE_DB_URL:-jdbc:h2:file:$data/resonance}"
jar="${H2_JAR:-$HOME/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar}"
java -cp "$jar" org.h2.tools.RunScript -url "$url" -user "${RESONANCE_DB_USER:-resonance}" \
  -password "${RESONANCE_DB_PASSWORD:-resonance}" -script "$file" -options compression zip
echo "restored $file into $url"
