#!/usr/bin/env bash
# Runs a real single search node on 127.0.0.1 from Maven Central jars, for development, tests and CI.
#   tools/search_node.sh start [elasticsearch]   fetch the jars once, start the node (keeping its data), print its URL
#   tools/search_node.sh stop  [elasticsearch]   stop it
#   tools/search_node.sh url   [elasticsearch]   print its URL (for ELASTICSEARCH_URL)
# SEARCH_NODE_PORT (default 9200) is the HTTP port: any free port works, and nodes on different ports run side by
# side. SEARCH_NODE_HOME (default /tmp/cms-search-node) holds each node's data and log, per engine and port.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
engine="${2:-elasticsearch}"
case "$engine" in
    elasticsearch) launcher="ElasticsearchNode.java" ;;
    *) echo "unknown engine '$engine' (supported: elasticsearch)" >&2; exit 2 ;;
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
        mkdir -p "$state"
        nohup java -Xms512m -Xmx1g -cp "$service/lib/*" "$service/$launcher" "$state/data" "$port" \
            >"$state/node.log" 2>&1 &
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
            kill "$(cat "$pidfile")"
            for _ in $(seq 1 60); do
                running || break
                sleep 0.5
            done
        fi
        rm -f "$pidfile"
        ;;
    url)
        echo "$url"
        ;;
    *)
        echo "usage: $0 start|stop|url [elasticsearch]" >&2
        exit 2
        ;;
esac
