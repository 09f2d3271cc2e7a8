#!/usr/bin/env bash
# shellcheck disable=SC2317  # cleanup and any_alive run from traps
# Sourced by run.sh and serve.sh: start children in their own process groups, stop them all
# on Ctrl-C/SIGTERM or when any one of them exits.
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


# Whichever process ends first (or Ctrl-C) brings the others down with it.
wait_for_any() {
    local status=0
    wait -n || status=$?
    echo "A process exited (status $status); shutting down."
    exit "$status"
}
