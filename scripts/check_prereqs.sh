#!/usr/bin/env bash
# Check system prerequisites; as root on Debian, install missing ones with apt-get.
# Usage: scripts/check_prereqs.sh [python] [npm] [chromium]   (default: python npm)
set -euo pipefail

PYTHON=${PYTHON:-python3.11}

fail() {
    echo "ERROR: $*" >&2
    exit 1
}

apt_install() {
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
    echo "Installing $* with apt-get..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "$@" >/dev/null
}

has_python() { "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null; }
has_npm() { command -v npm >/dev/null; }
has_chromium() { [ -x /usr/bin/chromium ]; }

[ $# -gt 0 ] || set -- python npm
for what in "$@"; do
    case "$what" in
        python)
            has_python || { apt_install python3.11 python3.11-venv && has_python; } ||
                fail "$PYTHON with the venv module is missing: install it (Debian 12: apt-get install python3.11 python3.11-venv) or run make with PYTHON=/path/to/python3.11."
            ;;
        npm)
            has_npm || { apt_install npm && has_npm; } ||
                fail "npm is missing (it is used once to install bun into .tools/): install it with apt-get install npm, or any Node.js distribution that ships npm."
            ;;
        chromium)
            has_chromium || { apt_install chromium && has_chromium; } ||
                fail "Chromium is missing at /usr/bin/chromium (the browser tests drive it): install it as root with apt-get install -y chromium."
            ;;
        *) fail "check_prereqs.sh does not know the prerequisite '$what'." ;;
    esac
done
