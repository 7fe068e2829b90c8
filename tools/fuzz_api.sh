#!/usr/bin/env bash
# Fuzzes the JSON API against its own OpenAPI description (/api/schema/) with schemathesis: every operation, every
# check, a fixed seed. It serves a throwaway SQLite database with the demo content through gunicorn with the
# production settings, and fails on any failure. FUZZ_EXAMPLES (per operation) and FUZZ_SEED change the run.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${VENV:-.venv}/bin"
work="$(mktemp -d -t cms-fuzz-XXXXXX)"
port="$("$bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export DJANGO_SETTINGS_MODULE=cms.settings.production SECRET_KEY="fuzz-only-$RANDOM-$RANDOM-$RANDOM-$RANDOM-key" \
    DATABASE_URL="sqlite:///$work/db.sqlite3" MEDIA_ROOT="$work/media" ALLOWED_HOSTS=127.0.0.1 \
    SECURE_SSL_REDIRECT=false ELASTICSEARCH_URL="" LOG_LEVEL=ERROR
"$bin/python" manage.py migrate --noinput -v0
"$bin/python" manage.py load_demo_content -v0 2>/dev/null

"$bin/gunicorn" cms.wsgi -w 2 -b "127.0.0.1:$port" --log-level warning >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/api/schema/" 2>/dev/null && break
    sleep 0.2
done

status=0
"$bin/st" --config-file tools/schemathesis.toml run "http://127.0.0.1:$port/api/schema/" --checks all --seed "${FUZZ_SEED:-20261202}" \
    --max-examples "${FUZZ_EXAMPLES:-160}" --workers 2 --generation-database none --no-color || status=$?
if [ "$status" -ne 0 ] && [ -s "$work/server.log" ]; then
    echo "== the server's log" >&2
    tail -n 80 "$work/server.log" >&2
fi
exit "$status"
