#!/usr/bin/env bash
# Runs a real single-node Elasticsearch (7.10.2, from Maven Central jars) on 127.0.0.1.
#   tools/elasticsearch.sh start   fetch the jars once, start the node (keeping its data), wait for health
#   tools/elasticsearch.sh stop    stop it
#   tools/elasticsearch.sh url     print its URL (for ELASTICSEARCH_URL)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
service="$here/services/elasticsearch"
base="${ELASTICSEARCH_HOME:-/tmp/cms-elasticsearch}"
http_port="${ELASTICSEARCH_BASE_PORT:-9200}"
url="http://127.0.0.1:$((http_port + 1))"   # the runner gives node 1 the base port + 1
pidfile="$base/node.pid"

health() {
    curl -fsS -m 5 "$url/_cluster/health?wait_for_status=yellow&timeout=${1:-1}s" >/dev/null 2>&1
}

case "${1:-}" in
    start)
        if health; then echo "$url"; exit 0; fi
        if [ ! -d "$service/lib" ] || [ -z "$(ls -A "$service/lib" 2>/dev/null)" ]; then
            mvn -q -B -f "$service/pom.xml" dependency:copy-dependencies -DoutputDirectory="$service/lib" >&2
        fi
        mkdir -p "$base"
        nohup java -Xms512m -Xmx1g -cp "$service/lib/*" org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner \
            -basePath "$base/data" -numOfNode 1 -baseHttpPort "$http_port" >"$base/node.log" 2>&1 &
        echo $! >"$pidfile"
        for _ in $(seq 1 120); do
            if health 2; then echo "$url"; exit 0; fi
            if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then tail -n 40 "$base/node.log" >&2; exit 1; fi
            sleep 1
        done
        echo "Elasticsearch did not become healthy; see $base/node.log" >&2
        exit 1
        ;;
    stop)
        if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
            kill "$(cat "$pidfile")"
            for _ in $(seq 1 60); do
                kill -0 "$(cat "$pidfile")" 2>/dev/null || break
                sleep 0.5
            done
        fi
        rm -f "$pidfile"
        ;;
    url)
        echo "$url"
        ;;
    *)
        echo "usage: $0 start|stop|url" >&2
        exit 2
        ;;
esac
