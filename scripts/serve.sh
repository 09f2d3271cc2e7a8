#!/usr/bin/env bash
# shellcheck disable=SC2317  # cleanup and any_alive run from traps
# Start Orion in production mode: several backend processes sharing their state through
# Redis, the frontend built once and served by the backend on one port, RQ workers per queue
# and the scheduler. No demo data. Called by `make serve` after install.
# ORION_WORKERS (default: what Reflex picks, 2 x cores + 1) sets the backend processes;
# ORION_PORT (default 8000) the port. Put a TLS proxy with sticky websockets or not in front:
# with the state in Redis any process can serve any event.
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

# Reflex keeps each browser tab's state in Redis when REFLEX_REDIS_URL is set, which is what
# lets several backend processes serve the same tabs (rxconfig.py reads it).
export REFLEX_REDIS_URL="${REFLEX_REDIS_URL:-${REDIS_URL:-redis://127.0.0.1:6379/0}}"
if [ -n "${ORION_WORKERS:-}" ]; then export GRANIAN_WORKERS="$ORION_WORKERS"; fi
port="${ORION_PORT:-8000}"

start "$PY" -m orion_app worker --queues default,scheduled
start "$PY" -m orion_app worker --queues long_running,default
start "$PY" -m orion_app scheduler
start .venv/bin/reflex run --env prod --single-port --backend-port "$port" --frontend-port "$port"
echo
echo "Orion (production mode) is starting at http://localhost:$port. Press Ctrl-C to stop."
echo

status=0
wait -n || status=$?
echo "A process exited (status $status); shutting down."
exit "$status"
