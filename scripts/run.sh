#!/usr/bin/env bash
# Start Orion for development: Redis, migrations, demo data, RQ worker + scheduler, reflex.
# Ctrl-C (or SIGTERM) stops everything started here. Called by `make run` after install.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/supervise.sh
source scripts/supervise.sh

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

wait_for_any
