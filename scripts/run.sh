#!/usr/bin/env bash
# Start Orion for development: Redis, migrations, demo data, RQ worker + scheduler, reflex.
# Ctrl-C (or SIGTERM) stops everything started here. Called by `make run` after install.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/supervise.sh
source scripts/supervise.sh

# Ports of the frontend (Vite) and the backend; change them when 3000/8000 are taken.
FRONTEND_PORT=${FRONTEND_PORT:-3000}
BACKEND_PORT=${BACKEND_PORT:-8000}

bash scripts/ensure_redis.sh
"$PY" -m orion_app db upgrade
"$PY" -m orion_app seed-demo

start "$PY" -m orion_app worker --queues default,scheduled
start "$PY" -m orion_app worker --queues long_running,default  # imports and exports
start "$PY" -m orion_app scheduler
start "$PY" -m modules.messaging.sink  # local SMTP sink: every mail kept in .run/outbox/
# Local Stripe (localstripe, PAYMENTS_STRIPE_API_BASE): its signed events go to our webhook.
start "$PY" -m modules.payments.localstripe_dev --webhook "http://127.0.0.1:$BACKEND_PORT/webhooks/stripe"
# Hot reload: rxconfig.py has Reflex watch modules/; locale files are *.json, which Reflex's
# reloader skips, so a watcher rewrites a stamp in a folder it watches (scripts/watch_locales.py).
mkdir -p .run/reload
export REFLEX_HOT_RELOAD_INCLUDE_PATHS="$PWD/.run/reload${REFLEX_HOT_RELOAD_INCLUDE_PATHS:+:$REFLEX_HOT_RELOAD_INCLUDE_PATHS}"
start "$PY" scripts/watch_locales.py .run/reload/locales.stamp modules orion_app/locales
start .venv/bin/reflex run --frontend-port "$FRONTEND_PORT" --backend-port "$BACKEND_PORT"
echo
echo "Orion is starting at http://localhost:$FRONTEND_PORT (backend http://localhost:$BACKEND_PORT). Press Ctrl-C to stop."
echo

wait_for_any
