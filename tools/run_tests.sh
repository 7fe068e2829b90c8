#!/usr/bin/env bash
# `make test`: the whole suite. Without ELASTICSEARCH_URL, and with Java and Maven at hand (no root needed), it
# starts the project's own search node on a free port for this run and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${VENV:-.venv}/bin/python"

if [ -z "${ELASTICSEARCH_URL:-}" ]; then
    if command -v java >/dev/null && { command -v mvn >/dev/null || [ -n "$(ls -A services/elasticsearch/lib 2>/dev/null)" ]; }; then
        SEARCH_NODE_PORT="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
        SEARCH_NODE_HOME="$(mktemp -d -t cms-test-search-XXXXXX)"
        export SEARCH_NODE_PORT SEARCH_NODE_HOME
        trap 'tools/search_node.sh stop; rm -rf "$SEARCH_NODE_HOME"' EXIT
        echo "Starting a local Elasticsearch node for the tests on port $SEARCH_NODE_PORT" >&2
        ELASTICSEARCH_URL="$(tools/search_node.sh start)"
        export ELASTICSEARCH_URL ELASTICSEARCH_CONTROL="$PWD/tools/search_node.sh"
    else
        echo "Java or Maven not found: the Elasticsearch tests will be skipped (apt-get install -y openjdk-17-jre-headless maven)" >&2
    fi
fi
"${VENV:-.venv}/bin/pytest" "$@"
