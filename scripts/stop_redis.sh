#!/usr/bin/env bash
# Stop the Redis that scripts/ensure_redis.sh started, if any; leave any other Redis alone.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

[ -f .run/redis.started ] || exit 0
pid=$(cat .run/redis.started)
rm -f .run/redis.started
# The pid may be stale (e.g. after a reboot): only stop it if it is still a redis-server.
if [[ $(ps -o comm= -p "$pid" 2>/dev/null) == redis-server* ]]; then
    kill "$pid"
    # Wait until it is gone, so a following start does not find it still answering.
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "Stopped the local redis-server (pid $pid)."
fi
