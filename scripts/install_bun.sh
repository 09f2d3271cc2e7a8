#!/usr/bin/env bash
# Install bun into .tools/ from npm: Node 20 is too old for Reflex, bun is not.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

BUN=.tools/node_modules/.bin/bun
"$BUN" --version >/dev/null 2>&1 && exit 0

bash scripts/check_prereqs.sh npm
echo "Installing bun into .tools/ ..."
npm install --prefix .tools --no-audit --no-fund --loglevel=error bun@1
"$BUN" --version >/dev/null 2>&1 ||
    { echo "ERROR: bun was installed into .tools/ but '$BUN --version' fails; remove .tools/ and run make install again." >&2; exit 1; }
echo "bun $("$BUN" --version) is ready."
