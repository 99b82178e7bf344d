#!/usr/bin/env bash
# Times the dashboard's trend queries on rollups holding ten million NPS responses over three years,
# against the PostgreSQL at 127.0.0.1:5432 (user postgres). Usage: deploy/bench/trend-query.sh [database]
# The database (default resonance_bench) is dropped and created.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -pl survey-app test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
java -cp "survey-app/target/test-classes:survey-app/target/classes:$(cat survey-app/target/bench.classpath)" \
  app.resonance.analytics.control.TrendQueryBenchmark "${1:-resonance_bench}"
