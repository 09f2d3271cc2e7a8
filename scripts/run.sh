#!/usr/bin/env bash
# shellcheck disable=SC2317  # cleanup and any_alive run from traps
# Start Orion for development: Redis, migrations, demo data, RQ worker + scheduler, reflex.
# Ctrl-C (or SIGTERM) stops everything started here. Called by `make run` after install.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PY=.venv/bin/python
pids=()

# Each child runs in its own session, so one signal to its process group also
# reaches what it spawned (reflex starts bun, vite and the backend server).
start() {
    setsid "$@" &
    pids+=($!)
}

any_alive() {
    local pid
    for pid in "${pids[@]}"; do kill -0 -- "-$pid" 2>/dev/null && return 0; done
    return 1
}

cleanup() {
    trap - EXIT
    trap "" INT TERM  # a second Ctrl-C must not cut the clean-up short
    if [ ${#pids[@]} -gt 0 ]; then
        echo "Stopping Orion..."
        for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
        for _ in $(seq 100); do
            any_alive || break
            sleep 0.1
        done
        for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
        wait 2>/dev/null || true
    fi
    bash scripts/stop_redis.sh
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bash scripts/ensure_redis.sh
"$PY" -m orion_app db upgrade
"$PY" -m orion_app seed-demo

start "$PY" -m orion_app worker --queues default,scheduled
start "$PY" -m orion_app worker --queues long_running,default  # imports and exports
start "$PY" -m orion_app scheduler
start .venv/bin/reflex run
echo
echo "Orion is starting at http://localhost:3000 (backend http://localhost:8000). Press Ctrl-C to stop."
echo

# Whichever process ends first (or Ctrl-C) brings the others down with it.
status=0
wait -n || status=$?
echo "A process exited (status $status); shutting down."
exit "$status"
