#!/usr/bin/env bash
# Report whether PostgreSQL is reachable; it is optional, so this never fails.
set -euo pipefail

if ! command -v pg_isready >/dev/null; then
    echo "PostgreSQL: pg_isready not installed, not checked (PostgreSQL tests decide for themselves)."
elif pg_isready -q -h 127.0.0.1 -t 3; then
    echo "PostgreSQL: reachable on 127.0.0.1."
else
    echo "PostgreSQL: not reachable on 127.0.0.1 (PostgreSQL tests will be skipped)."
fi
