#!/usr/bin/env bash
# Builds and runs the small app of one language (clients/<language>/) on the client clients/generate.sh made in
# GENERATED_DIR, against the site at BASE_URL. The app prints a JSON report of what it got and exits 1 if any answer
# could not be parsed into its declared type.
#
#   clients/run_app.sh python|typescript|java BASE_URL GENERATED_DIR
set -euo pipefail
language="$1" base_url="$2" generated="$3"
here="$(cd "$(dirname "$0")" && pwd)"

case "$language" in
python)
    PYTHONPATH="$generated" exec "$here/.tools/python/bin/python" "$here/python/app.py" "$base_url"
    ;;
typescript)
    cp "$here/typescript/app.ts" "$here/typescript/tsconfig.json" "$here/typescript/package.json" "$generated/"
    ln -sfn "$here/typescript/node_modules" "$generated/node_modules"
    "$here/typescript/node_modules/.bin/tsc" -p "$generated" >&2
    exec node "$generated/build/app.js" "$base_url"
    ;;
java)
    mkdir -p "$generated/src/main/java/org/harmony/app"
    cp "$here/java/App.java" "$generated/src/main/java/org/harmony/app/"
    (cd "$generated" && mvn -q -B package dependency:build-classpath -DskipTests -Dmaven.javadoc.skip=true \
        -Dmaven.source.skip=true -Dmdep.outputFile=classpath.txt >&2)
    exec java -cp "$generated/target/classes:$(cat "$generated/classpath.txt")" org.harmony.app.App "$base_url"
    ;;
*)
    echo "usage: $0 python|typescript|java BASE_URL GENERATED_DIR" >&2
    exit 2
    ;;
esac
