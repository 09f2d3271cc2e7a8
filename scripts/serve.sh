#!/usr/bin/env bash
# Start Orion in production mode: several backend processes sharing their state through
# Redis, the frontend built once and served by the backend on one port, RQ workers per queue
# and the scheduler. No demo data. Called by `make serve` after install.
# ORION_WORKERS (default: what Reflex picks, 2 x cores + 1) sets the backend processes;
# ORION_PORT (default 8000) the port. Put a TLS proxy with sticky websockets or not in front:
# with the state in Redis any process can serve any event.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/supervise.sh
source scripts/supervise.sh

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

wait_for_any
