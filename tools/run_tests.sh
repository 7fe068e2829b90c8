#!/usr/bin/env bash
# `make test`: the whole suite. It starts, for this run only and without root, what is installed but not given:
# the project's own search node (without ELASTICSEARCH_URL, when Java and Maven are at hand), a Redis server for
# the response-cache tests (without TEST_REDIS_URL, when redis-server is installed) and the S3 test server (without
# TEST_OBJECT_STORE_URL, when Go is at hand to build it once); it stops them afterwards.
# The tests run in parallel, one pytest-xdist worker per core (TEST_WORKERS sets how many; 0 runs them in this
# process), each on a database, search indexes and Redis database of its own (cms/settings/test.py).
set -euo pipefail
cd "$(dirname "$0")/.."
python="${VENV:-.venv}/bin/python"
cleanup=()
trap 'for step in "${cleanup[@]}"; do eval "$step"; done' EXIT

free_port() {
    "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The test nodes (this one and the outage tests' own) hold a few dozen pages: a lighter JIT and garbage collector
# start them with half the CPU, which the tests running beside them need more.
export SEARCH_NODE_JAVA_OPTS="${SEARCH_NODE_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"

if [ -z "${ELASTICSEARCH_URL:-}" ]; then
    if command -v java >/dev/null && { command -v mvn >/dev/null || [ -n "$(ls -A services/elasticsearch/lib 2>/dev/null)" ]; }; then
        SEARCH_NODE_PORT="$(free_port)"
        SEARCH_NODE_HOME="$(mktemp -d -t cms-test-search-XXXXXX)"
        export SEARCH_NODE_PORT SEARCH_NODE_HOME
        cleanup+=('tools/search_node.sh stop; rm -rf "$SEARCH_NODE_HOME"')
        echo "Starting a local Elasticsearch node for the tests on port $SEARCH_NODE_PORT" >&2
        # In the background: it comes up while the test databases are made; the tests wait for it before they
        # index the demo site (SEARCH_NODE_LOG says where to look if it never answers).
        SEARCH_NODE_LOG="$SEARCH_NODE_HOME/start.log"
        tools/search_node.sh start >"$SEARCH_NODE_LOG" 2>&1 &
        ELASTICSEARCH_URL="$(tools/search_node.sh url)"
        export ELASTICSEARCH_URL SEARCH_NODE_LOG
    else
        echo "Java or Maven not found: the Elasticsearch tests will be skipped (apt-get install -y openjdk-17-jre-headless maven)" >&2
    fi
fi

if [ -z "${TEST_REDIS_URL:-}" ]; then
    if command -v redis-server >/dev/null; then
        redis_port="$(free_port)"
        redis_home="$(mktemp -d -t cms-test-redis-XXXXXX)"
        cleanup+=('kill "$(cat "$redis_home/redis.pid")" 2>/dev/null; rm -rf "$redis_home"')
        TEST_REDIS_URL="$(tools/start_redis.sh "$redis_port" "$redis_home")"
        export TEST_REDIS_URL
        echo "Started Redis for the tests on port $redis_port" >&2
    else
        echo "redis-server not found: the Redis response-cache tests will be skipped (apt-get install -y redis-server)" >&2
    fi
fi
if [ -z "${TEST_OBJECT_STORE_URL:-}" ]; then
    if tools/object_store.sh path >/dev/null || command -v go >/dev/null; then
        store_home="$(mktemp -d -t cms-test-store-XXXXXX)"
        cleanup+=('tools/object_store.sh stop "$store_home"; rm -rf "$store_home"')
        TEST_OBJECT_STORE_URL="$(tools/object_store.sh start "$(free_port)" "$store_home")"
        export TEST_OBJECT_STORE_URL
        echo "Started the S3 test server (SeaweedFS) at $TEST_OBJECT_STORE_URL" >&2
    else
        echo "Go not found: the S3 storage tests will be skipped (apt-get install -y golang-go)" >&2
    fi
fi
parallel=()
if [ "${TEST_WORKERS:-auto}" != 0 ]; then parallel=(--numprocesses "${TEST_WORKERS:-auto}" --dist loadgroup); fi
"${VENV:-.venv}/bin/pytest" "${parallel[@]}" "$@"
