#!/usr/bin/env bash
# The last step of `make run`: the development server on 127.0.0.1:$PORT, and beside it the task worker
# (`manage.py db_worker`), which carries out schedules and sends search index updates and webhooks; unless
# BACKGROUND_TASKS=false runs tasks in the request (cms/settings/base.py). The worker stops with the server.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${VENV:-.venv}/bin/python"
background="$("$python" manage.py shell --no-imports -c 'from django.conf import settings; print(settings.BACKGROUND_TASKS)')"
if [ "$background" = True ]; then
    "$python" manage.py db_worker &
    worker=$!
    "$python" manage.py db_worker --queue-name webhooks &
    sender=$!
    trap 'kill "$worker" "$sender" 2>/dev/null || true' EXIT
    echo "Task workers started (pids $worker, $sender): schedules, search index updates and webhooks run in the background." >&2
fi
"$python" manage.py runserver "127.0.0.1:${PORT:-8000}"
