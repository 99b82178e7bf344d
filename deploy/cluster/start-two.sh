#!/usr/bin/env bash
# Starts two Resonance instances on loopback (HTTP 18501, 18502; Hazelcast 18550, 18551, discovering
# each other only over TCP on 127.0.0.1) sharing one PostgreSQL database, behind HAProxy on 18500.
# Usage: deploy/cluster/start-two.sh [jdbc-url]   (default: the database cluster_demo on 127.0.0.1)
# KNOWN BROKEN: the bundle is built with --nocluster, and that wins: each instance forms its own
# data grid (DG Size 1). HTTP through HAProxy works (README "Running a cluster").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export CLUSTER_DIR="${CLUSTER_DIR:-$root/deploy/target/cluster}"
mkdir -p "$CLUSTER_DIR"
db_url="${1:-jdbc:postgresql://127.0.0.1:5432/cluster_demo}"
db_name="${db_url##*/}"
psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname='$db_name'" | grep -q 1 \
    || createdb -h 127.0.0.1 -U postgres "$db_name"
members="127.0.0.1:18550,127.0.0.1:18551"
start() {
    local name=$1 http=$2 hz=$3
    RESONANCE_DB_URL="$db_url" RESONANCE_DB_USER="${RESONANCE_DB_USER:-postgres}" \
        nohup java -Djava.io.tmpdir="$CLUSTER_DIR" -jar "$root/deploy/target/resonance.jar" \
        --port "$http" --name "$name" --clustername resonance --clustermode "tcpip:$members" \
        --startport "$hz" --interfaces 127.0.0.1 --disablephonehome \
        >"$CLUSTER_DIR/$name.log" 2>&1 &
    echo $! >"$CLUSTER_DIR/$name.pid"
}
start a 18501 18550
start b 18502 18551
haproxy -D -f "$here/haproxy.cfg"
for port in 18501 18502; do
    for _ in $(seq 1 240); do
        curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break
        sleep 1
    done
done
echo "cluster behind http://127.0.0.1:18500 (logs in $CLUSTER_DIR)"
