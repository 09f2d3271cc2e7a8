#!/usr/bin/env bash
# Install Lighthouse 12 into .tools/ from npm (for `make bench`; `make run`/`make test` don't need it).
# Chromium is not installed here: the bench uses /usr/bin/chromium (CHROME_PATH).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

LIGHTHOUSE=.tools/node_modules/.bin/lighthouse
"$LIGHTHOUSE" --version 2>/dev/null | grep -q '^12\.' && exit 0

bash scripts/check_prereqs.sh npm
echo "Installing lighthouse@12 into .tools/ ..."
npm install --prefix .tools --no-audit --no-fund --loglevel=error lighthouse@12
"$LIGHTHOUSE" --version 2>/dev/null | grep -q '^12\.' ||
    { echo "ERROR: lighthouse was installed into .tools/ but '$LIGHTHOUSE --version' is not 12.x; remove .tools/node_modules/lighthouse and run make bench again." >&2; exit 1; }
echo "lighthouse $("$LIGHTHOUSE" --version) is ready."
