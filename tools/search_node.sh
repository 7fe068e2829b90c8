#!/usr/bin/env bash
# Runs a real single search node on 127.0.0.1 from Maven Central jars, for development, tests and CI:
# Elasticsearch 7.10.2 (Java 17) or OpenSearch 3.3.0 (Java 21 or newer).
#   tools/search_node.sh start [ENGINE]   fetch the jars once, start the node (keeping its data), print its URL
#   tools/search_node.sh stop  [ENGINE]   stop it
#   tools/search_node.sh pause|resume [ENGINE]   freeze it (kill -STOP: a hung engine) or let it go on
#   tools/search_node.sh url   [ENGINE]   print its URL (for ELASTICSEARCH_URL)
# ENGINE is elasticsearch or opensearch (default: SEARCH_NODE_ENGINE, else elasticsearch).
# SEARCH_NODE_PORT (default 9200) is the HTTP port: any free port works, and nodes on different ports run side by
# side. SEARCH_NODE_HOME (default /tmp/cms-search-node) holds each node's data and log, per engine and port.
# OpenSearch needs a Java of version 21 or newer: SEARCH_NODE_JAVA, else the first such JDK in /usr/lib/jvm.
# SEARCH_NODE_JAVA_OPTS adds options to the JVM (tools/run_tests.sh starts its nodes with a lighter JIT and GC).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
engine="${2:-${SEARCH_NODE_ENGINE:-elasticsearch}}"

java_major() {
    "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

java_21_or_newer() {
    for candidate in ${SEARCH_NODE_JAVA:-} /usr/lib/jvm/*/bin/java "$(command -v java)"; do
        if [ -x "$candidate" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    echo "OpenSearch needs Java 21 or newer; set SEARCH_NODE_JAVA to its java binary" >&2
    return 1
}

case "$engine" in
    elasticsearch) runner="org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner" ;;
    opensearch) runner="org.codelibs.opensearch.runner.OpenSearchRunner" ;;
    *) echo "unknown engine '$engine' (supported: elasticsearch, opensearch)" >&2; exit 2 ;;
esac
service="$here/services/$engine"
port="${SEARCH_NODE_PORT:-9200}"
url="http://127.0.0.1:$port"
state="${SEARCH_NODE_HOME:-/tmp/cms-search-node}/$engine-$port"
pidfile="$state/node.pid"

healthy() {
    curl -fsS -m 5 "$url/_cluster/health?wait_for_status=yellow&timeout=${1:-1}s" >/dev/null 2>&1
}

running() {
    [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

case "${1:-}" in
    start)
        if running && healthy; then echo "$url"; exit 0; fi
        if [ -z "$(ls -A "$service/lib" 2>/dev/null)" ]; then
            mvn -q -B -f "$service/pom.xml" dependency:copy-dependencies -DoutputDirectory="$service/lib" >&2
        fi
        java="java"
        if [ "$engine" = opensearch ]; then java="$(java_21_or_newer)"; fi
        mkdir -p "$state"
        # shellcheck disable=SC2086 # SEARCH_NODE_JAVA_OPTS holds several options
        nohup "$java" -Xms512m -Xmx1g ${SEARCH_NODE_JAVA_OPTS:-} -cp "$service/lib/*" "$here/services/SearchNode.java" "$runner" "$state/data" \
            "$port" >"$state/node.log" 2>&1 &
        echo $! >"$pidfile"
        for _ in $(seq 1 120); do
            if healthy 2; then echo "$url"; exit 0; fi
            if ! running; then tail -n 40 "$state/node.log" >&2; exit 1; fi
            sleep 1
        done
        echo "$engine did not become healthy on $url; see $state/node.log" >&2
        exit 1
        ;;
    stop)
        if running; then
            kill -CONT "$(cat "$pidfile")"  # a paused node would not act on the TERM
            kill "$(cat "$pidfile")"
            for _ in $(seq 1 60); do
                running || break
                sleep 0.5
            done
        fi
        rm -f "$pidfile"
        ;;
    pause | resume)
        # A hung engine, for outage tests and benchmarks: the node keeps its port open but answers nothing.
        if [ "$1" = resume ]; then
            if running; then kill -CONT "$(cat "$pidfile")"; fi  # nothing to resume when it is not running
        else
            running || { echo "no $engine node runs on port $port" >&2; exit 1; }
            kill -STOP "$(cat "$pidfile")"
        fi
        ;;
    url)
        echo "$url"
        ;;
    *)
        echo "usage: $0 start|stop|pause|resume|url [elasticsearch|opensearch]" >&2
        exit 2
        ;;
esac
