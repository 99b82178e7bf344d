#!/usr/bin/env bash
# Starts two Resonance instances on loopback that form one Payara data grid (Hazelcast: its own cluster name,
# TCP/IP discovery of exactly the two members on 127.0.0.1, no multicast), share one PostgreSQL database and
# stand behind HAProxy. Web sessions (the console's login) live in the data grid, so they survive an instance.
# Usage: deploy/cluster/start-two.sh [jdbc-url]   (default: the database cluster_demo on 127.0.0.1, created if missing)
# Ports (environment): RESONANCE_PROXY_PORT 18500, RESONANCE_A_PORT 18501, RESONANCE_B_PORT 18502,
# RESONANCE_HZ_A_PORT 18550, RESONANCE_HZ_B_PORT 18551; RESONANCE_CLUSTER_NAME (default resonance-<user>-<proxy port>).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export CLUSTER_DIR="${CLUSTER_DIR:-$root/deploy/target/cluster}"
export RESONANCE_PROXY_PORT="${RESONANCE_PROXY_PORT:-18500}"
export RESONANCE_A_PORT="${RESONANCE_A_PORT:-18501}"
export RESONANCE_B_PORT="${RESONANCE_B_PORT:-18502}"
hz_a="${RESONANCE_HZ_A_PORT:-18550}"
hz_b="${RESONANCE_HZ_B_PORT:-18551}"
cluster_name="${RESONANCE_CLUSTER_NAME:-resonance-$(id -un)-$RESONANCE_PROXY_PORT}"
mkdir -p "$CLUSTER_DIR"
command -v haproxy >/dev/null || { echo "haproxy is missing: apt-get install -y haproxy" >&2; exit 1; }
db_url="${1:-jdbc:postgresql://127.0.0.1:5432/cluster_demo}"
db_name="${db_url##*/}"
db_name="${db_name%%\?*}"
psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname='$db_name'" | grep -q 1 \
    || createdb -h 127.0.0.1 -U postgres "$db_name"
members="127.0.0.1:$hz_a,127.0.0.1:$hz_b"
start() {
    local name=$1 http=$2 hz=$3
    # --nohostaware: both members have the address 127.0.0.1, and host-aware partitioning would then keep no
    # backup of a member's sessions on the other one.
    RESONANCE_DB_URL="$db_url" RESONANCE_DB_USER="${RESONANCE_DB_USER:-postgres}" \
        nohup java -Djava.io.tmpdir="$CLUSTER_DIR" -jar "$root/deploy/target/resonance.jar" \
        --port "$http" --name "$name" --clustername "$cluster_name" --clustermode "tcpip:$members" \
        --startport "$hz" --interfaces 127.0.0.1 --nohostaware --disablephonehome \
        >"$CLUSTER_DIR/$name.log" 2>&1 &
    echo $! >"$CLUSTER_DIR/$name.pid"
}
start a "$RESONANCE_A_PORT" "$hz_a"
start b "$RESONANCE_B_PORT" "$hz_b"
haproxy -D -f "$here/haproxy.cfg"
for port in "$RESONANCE_A_PORT" "$RESONANCE_B_PORT"; do
    for _ in $(seq 1 240); do
        curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break
        sleep 1
    done
done
grep -h "DG Size" "$CLUSTER_DIR/a.log" "$CLUSTER_DIR/b.log" | tail -n 2 || true
echo "cluster $cluster_name behind http://127.0.0.1:$RESONANCE_PROXY_PORT (logs in $CLUSTER_DIR)"
