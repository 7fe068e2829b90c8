#!/usr/bin/env bash
# A real S3-compatible object store on 127.0.0.1 for development, tests and CI: SeaweedFS (Apache 2.0), built once
# from its Go module and kept in a cache folder, started without root.
#   tools/object_store.sh build            build the `weed` binary once (15-25 minutes on two cores), print its path
#   tools/object_store.sh start PORT DIR   start a store whose S3 gateway listens on PORT, data and log in DIR;
#                                          print its endpoint URL
#   tools/object_store.sh stop DIR         stop it (its data stays in DIR; started again, it takes half a minute
#                                          to accept writes)
#   tools/object_store.sh pause|resume DIR freeze it (kill -STOP: a hung store) or let it go on
#   tools/object_store.sh bucket URL NAME  create the bucket NAME on the store at URL (if it is not there)
#   tools/object_store.sh path             print the binary's path if it is built, else fail
# The gateway is given an identities file (DIR/s3.json): one key pair, OBJECT_STORE_ACCESS_KEY and
# OBJECT_STORE_SECRET_KEY (defaults below, for local use only), may do everything; anonymous requests are refused,
# as on a real private bucket. Without such a file SeaweedFS serves every object to anyone.
# OBJECT_STORE_CACHE (default ~/.cache/cms-services) holds the binary; Go is needed only to build it.
set -euo pipefail
version="v0.0.0-20261109003541-7506e5f91cd6"  # github.com/seaweedfs/seaweedfs at 4.53 (no tagged release is served)
cache="${OBJECT_STORE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cms-services}"
binary="$cache/seaweedfs-$version/weed"
access_key="${OBJECT_STORE_ACCESS_KEY:-cms-local}"
secret_key="${OBJECT_STORE_SECRET_KEY:-cms-local-secret}"

free_ports() {  # free_ports N EXCEPT...: N distinct free ports, none of those EXCEPT (held open together while chosen)
    python3 -c '
import socket, sys
held = []
while len(held) < int(sys.argv[1]):
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    if str(probe.getsockname()[1]) in sys.argv[2:]:
        continue
    held.append(probe)
print(" ".join(str(probe.getsockname()[1]) for probe in held))' "$@"
}

build() {
    if [ -x "$binary" ]; then echo "$binary"; return 0; fi
    if ! command -v go >/dev/null; then
        echo "Go not found: it builds the S3 test server, SeaweedFS (apt-get install -y golang-go)" >&2
        return 1
    fi
    # `go install` refuses this module (its go.mod has replace lines): download it, then build in its directory.
    module_dir="$(cd /tmp && GOFLAGS=-mod=mod go mod download -json "github.com/seaweedfs/seaweedfs@$version" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["Dir"])')"
    mkdir -p "$(dirname "$binary")"
    echo "Building SeaweedFS $version into $binary (15-25 minutes the first time)" >&2
    (cd "$module_dir" && go build -o "$binary.partial" ./weed)
    mv "$binary.partial" "$binary"
    echo "$binary"
}

case "${1:-}" in
    build)
        build
        ;;
    path)
        [ -x "$binary" ] && echo "$binary"
        ;;
    start)
        port="$2"
        dir="$3"
        build >/dev/null
        mkdir -p "$dir/data"
        printf '{"identities": [{"name": "cms", "credentials": [{"accessKey": "%s", "secretKey": "%s"}],
  "actions": ["Admin", "Read", "List", "Tagging", "Write"]}]}\n' "$access_key" "$secret_key" >"$dir/s3.json"
        # Every port its parts listen on is a free one, so that stores on different ports run side by side (and
        # the master keeps its port when the store is started again in the same DIR).
        # The Iceberg and Lance listeners the gateway would open on fixed ports are not wanted.
        [ -f "$dir/master.port" ] || free_ports 1 "$port" >"$dir/master.port"
        master="http://127.0.0.1:$(cat "$dir/master.port")"
        read -r master_grpc volume volume_grpc filer filer_grpc s3_grpc <<<"$(free_ports 6 "$port" "$(cat "$dir/master.port")")"
        nohup "$binary" server -dir="$dir/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 -master.volumeSizeLimitMB=16 \
            -volume.max=0 -volume.preStopSeconds=0 -master.port="$(cat "$dir/master.port")" \
            -master.port.grpc="$master_grpc" -volume.port="$volume" -volume.port.grpc="$volume_grpc" \
            -filer.port="$filer" -filer.port.grpc="$filer_grpc" \
            -s3 -s3.port="$port" -s3.port.grpc="$s3_grpc" -s3.config="$dir/s3.json" -s3.port.iceberg=0 -s3.port.lance=0 \
            >"$dir/store.log" 2>&1 &
        echo $! >"$dir/store.pid"
        for _ in $(seq 1 120); do
            # Ready once the gateway refuses strangers (403) and the master can place a write (the volume server
            # has joined it: the first upload would otherwise wait for that).
            if [ "$(curl -s -o /dev/null -w '%{http_code}' -m 2 "http://127.0.0.1:$port/")" = 403 ] &&
                curl -fsS -m 5 "$master/dir/assign" 2>/dev/null | grep -q '"fid"'; then
                echo "http://127.0.0.1:$port"
                exit 0
            fi
            if ! kill -0 "$(cat "$dir/store.pid")" 2>/dev/null; then tail -n 40 "$dir/store.log" >&2; exit 1; fi
            sleep 0.5
        done
        echo "the object store did not answer on port $port; see $dir/store.log" >&2
        exit 1
        ;;
    stop)
        dir="$2"
        if [ -f "$dir/store.pid" ] && kill -0 "$(cat "$dir/store.pid")" 2>/dev/null; then
            kill -CONT "$(cat "$dir/store.pid")"  # a paused store would not act on the TERM
            kill "$(cat "$dir/store.pid")"  # it may take ten seconds to leave: given two, then killed
            for _ in $(seq 1 8); do
                kill -0 "$(cat "$dir/store.pid")" 2>/dev/null || break
                sleep 0.25
            done
            kill -9 "$(cat "$dir/store.pid")" 2>/dev/null || true
        fi
        rm -f "$dir/store.pid"
        ;;
    bucket)
        # Creates the bucket NAME on the store at URL if it is not there yet.
        status="$(curl -s -o /dev/null -w '%{http_code}' -m 10 --aws-sigv4 "aws:amz:us-east-1:s3" \
            --user "$access_key:$secret_key" -X PUT "$2/$3")"
        case "$status" in
            200 | 409) ;;  # made, or there already
            *) echo "could not create the bucket $3 on $2 (HTTP $status)" >&2; exit 1 ;;
        esac
        ;;
    pause | resume)
        # A hung store, for outage tests: it keeps its ports open but answers nothing until resumed.
        if [ "$1" = pause ]; then signal=STOP; else signal=CONT; fi
        kill -"$signal" "$(cat "$2/store.pid")"
        ;;
    *)
        echo "usage: $0 build | path | start PORT DIR | stop DIR | pause DIR | resume DIR | bucket URL NAME" >&2
        exit 2
        ;;
esac
