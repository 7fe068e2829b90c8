#!/usr/bin/env bash
# Starts a throwaway Redis server (Debian's redis-server, no root needed) on 127.0.0.1:PORT with its files in DIR,
# without persistence; prints its URL. Stop it with: kill "$(cat DIR/redis.pid)".
set -euo pipefail
port="$1"
dir="$2"
redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --dir "$dir" \
    --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
for _ in $(seq 1 50); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && break
    sleep 0.1
done
redis-cli -p "$port" ping >/dev/null
echo "redis://127.0.0.1:$port/0"
