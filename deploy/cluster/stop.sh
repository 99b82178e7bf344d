#!/usr/bin/env bash
# Stops what start-two.sh started, by the process ids it wrote.
here="$(cd "$(dirname "$0")" && pwd)"
CLUSTER_DIR="${CLUSTER_DIR:-$here/../target/cluster}"
for f in "$CLUSTER_DIR"/a.pid "$CLUSTER_DIR"/b.pid "$CLUSTER_DIR"/haproxy.pid; do
    [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; rm -f "$f"
done
