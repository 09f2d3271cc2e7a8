#!/usr/bin/env bash
# Make sure Redis answers at REDIS_URL; start a local, non-persistent one if needed.
# A Redis started here is recorded in .run/redis.started so scripts/stop_redis.sh can stop it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
shown_url=${REDIS_URL/\/\/*@/\/\/***@}  # no password in messages

redis_answers() {
    if command -v redis-cli >/dev/null; then
        timeout 5 redis-cli -u "$REDIS_URL" ping 2>/dev/null | grep -q PONG
    else
        .venv/bin/python -c 'import redis, sys; redis.Redis.from_url(sys.argv[1], socket_timeout=2).ping()' \
            "$REDIS_URL" 2>/dev/null
    fi
}

redis_answers && { echo "Redis: using $shown_url"; exit 0; }

# Only a plain redis:// URL on this machine can be started here.
hostport=${REDIS_URL#redis://}
hostport=${hostport##*@}
hostport=${hostport%%/*}
host=${hostport%:*}
port=6379
[[ $hostport == *:* ]] && port=${hostport##*:}
if [[ $REDIS_URL != redis://* || ! $host =~ ^(127\.0\.0\.1|localhost)$ ]]; then
    echo "ERROR: Redis at $shown_url does not answer; start it, or unset REDIS_URL to use a local Redis." >&2
    exit 1
fi

if ! command -v redis-server >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing redis-server with apt-get..."
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq redis-server >/dev/null
        # The Debian package may have started its own service already.
        redis_answers && { echo "Redis: using $shown_url"; exit 0; }
    else
        echo "ERROR: Redis does not answer at $shown_url and redis-server is not installed: install it (apt-get install redis-server) or set REDIS_URL to a running Redis." >&2
        exit 1
    fi
fi

mkdir -p .run
echo "Starting a local redis-server on port $port (data is not persisted)..."
redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$PWD/.run/redis.pid" --dir "$PWD/.run" --logfile "$PWD/.run/redis.log"
for _ in $(seq 50); do
    if redis_answers; then
        cp .run/redis.pid .run/redis.started
        echo "Redis: started on $shown_url (log: .run/redis.log)"
        exit 0
    fi
    sleep 0.1
done
echo "ERROR: redis-server was started on port $port but does not answer; see .run/redis.log." >&2
exit 1
