#!/usr/bin/env bash
# Backs up the embedded H2 database to one compressed SQL script (consistent; also while Resonance
# runs, since its default URL lets a second process in with AUTO_SERVER=TRUE).
#   deploy/backup/h2-backup.sh [FILE]
# RESONANCE_DATA_DIR: the data directory (default ./data); H2_JAR: the H2 2.2.224 jar (default: the
# one in the local Maven repository, where ./mvnw put it).
set -euo pipefail
file="${1:-resonance-$(date -u +%Y%m%dT%H%M%SZ).sql.zip}"
data="${RESONANCE_DATA_DIR:-./data}"
url="${RESONANCE_DB_URL:-jdbc:h2:file:$data/resonance;AUTO_SERVER=TRUE}"
jar="${H2_JAR:-$HOME/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar}"
java -cp "$jar" org.h2.tools.Script -url "$url" -user "${RESONANCE_DB_USER:-resonance}" \
  -password "${RESONANCE_DB_PASSWORD:-resonance}" -script "$file.partial" -options compression zip
mv "$file.partial" "$file"
echo "backup of $url written to $file ($(stat -c %s "$file") bytes)"
